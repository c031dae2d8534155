// 参保登记: the desk, as steps on one state (desk.ts). Each step puts the focus on its main
// control, whose Enter moves on; Enter with nothing focused does the same, Esc goes back.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { Alert, Modal, Steps } from 'antd';
import dayjs from 'dayjs';
import type { ApiInput, DeskQuote } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { askAhead, takeOrAsk } from '../../asked';
import { yuan } from '../../format';
import { dialogOpen, escapeForField, keyForPage } from '../../keys';
import { useReceiptPaper } from '../../print/PaperChoice';
import { useAction } from '../../useAction';
import { useCoverageYears } from '../../years';
import { CheckStep } from './CheckStep';
import { HouseholdEnroll } from './HouseholdEnroll';
import { confirmNoBenefit } from './confirmNoBenefit';
import { PaymentStep } from './PaymentStep';
import type { DeskYears } from './QuoteHistory';
import { ReceiptStep } from './ReceiptStep';
import { SearchStep } from './SearchStep';
import { TierStep } from './TierStep';
import { useWarmDesk } from './warmDesk';
import { deskReducer, freshDesk, paidAlready, quoteCurrent, quoteKey, STEPS, tierQuoteNow, type DeskState, type Tier } from './desk';

const STEP_ITEMS = STEPS.map((title) => ({ title }));

export function EnrollPage() {
  const years = useCoverageYears();
  const { year, tiers } = years;
  const { paper, choose: choosePaper } = useReceiptPaper();
  const [desk, dispatch] = useReducer(deskReducer, dayjs().format('YYYY-MM-DD'), freshDesk);
  const act = useAction();
  useWarmDesk();
  const [modal, modalHolder] = Modal.useModal();
  // The desk as last rendered, for handlers that run after an await.
  const live = useRef(desk);
  live.current = desk;
  const inFlight = useRef<{ key: string; answer: Promise<DeskQuote | null> } | null>(null);
  // A save under way, until the step it was made at is left: a second Enter queued behind the
  // first (the receipt not yet drawn) must not save again.
  const saving = useRef(false);
  const tiering = useRef(false);
  const person = desk.detail?.person;
  const paid = paidAlready(desk, year);

  // Said on the page for the screen keys (App): F2 midway through a payment asks first.
  useEffect(() => {
    document.body.dataset.deskStep = String(desk.step);
    saving.current = false;
    return () => void delete document.body.dataset.deskStep;
  }, [desk.step]);

  // As the desk stands, with the clerk's channel: the tiers, the payment step and the save ask alike.
  const quoteArg = (s: DeskState, tier: Tier): ApiInput<'enroll.quote'> & { tier: Tier; channel: string } => ({
    personId: person!.id,
    coverageYear: year!,
    tier,
    paidOn: s.payment.paidOn,
    channel: s.payment.channel,
    ...s.years,
    ...s.dates,
  });

  async function pick(id: number) {
    // Read ahead while the match was chosen (SearchStep), unless something was changed since.
    const detail = await act.run(() => takeOrAsk('roster.getPerson', { id }).then((a) => a.r));
    if (detail) dispatch({ type: 'picked', detail });
  }

  async function loadTiers() {
    if (!person || !year || paid || tiering.current) return;
    tiering.current = true;
    try {
      const s = live.current;
      // The tiers are quoted side by side, not one after the other, and as the payment step
      // quotes (with the channel), so the tier chosen moves on with its quote; most often they
      // were asked ahead while the clerk checked the person (the effect below).
      const answers = await Promise.all(tiers.map((t) => takeOrAsk('enroll.quote', quoteArg(s, t)).then((a) => a.r)));
      const quotes = Object.fromEntries(tiers.map((t, i) => [t, answers[i]!.ok ? answers[i]!.value : answers[i]!.error.message]));
      const keys = Object.fromEntries(tiers.map((t) => [t, quoteKey({ ...s, tier: t })]));
      dispatch({ type: 'tiersQuoted', personId: person.id, quotes, keys, at: Date.now() });
    } finally {
      tiering.current = false;
    }
  }

  // The person shown for checking: the tiers are asked for meanwhile, to be taken by Enter.
  const checking = desk.step === 1 && !desk.household && person && year && !paid ? quoteKey(desk) : null;
  useEffect(() => {
    if (checking === null) return;
    for (const t of tiers) void askAhead('enroll.quote', quoteArg(live.current, t));
    // quoteArg reads the desk through `live`; `checking` says when what it reads changed.
  }, [checking, tiers]);

  /** Step 2's Enter: the chosen tier's quote, when it answers what is on the desk now, moves on without asking again. */
  function tierOn() {
    const s = live.current;
    const quote = tierQuoteNow(s, Date.now());
    if (quote) dispatch({ type: 'quoted', quote, key: quoteKey(s), from: 2 });
    else void requote();
  }

  /** Quotes the desk as it stands (or with `s`); one call per set of inputs, the answer dispatched. */
  function requote(s: DeskState = live.current): Promise<DeskQuote | null> {
    if (!person || !year) return Promise.resolve(null);
    const key = quoteKey(s);
    const from = s.step;
    if (inFlight.current?.key === key) return inFlight.current.answer;
    const answer = act
      .run(() => invoke('enroll.quote', quoteArg(s, s.tier)))
      .then((quote) => {
        if (quote) dispatch({ type: 'quoted', quote, key, from });
        return quote;
      })
      .finally(() => {
        if (inFlight.current?.key === key) inFlight.current = null;
      });
    inFlight.current = { key, answer };
    return answer;
  }

  // A changed date, channel, year count or special date is quoted at once (typing settles first).
  const key = quoteKey(desk);
  useEffect(() => {
    if (desk.step !== 3 || desk.quotedFor === key) return;
    const t = setTimeout(() => void requote(), 150);
    return () => clearTimeout(t);
    // requote reads the desk through `live`; the key says when it changed.
  }, [desk.step, key, desk.quotedFor]);

  async function save() {
    if (!person || !year || saving.current || live.current.step !== 3) return;
    saving.current = true;
    let saved = false;
    try {
      const s = live.current;
      const shown = s.quote;
      // The amount on screen may answer older inputs: wait for the quote of these, and if it
      // says another amount (or another answer: 不能参保 shown, a payment due now), show it and
      // let the clerk press again.
      const quote = quoteCurrent(s) ? shown : await requote(s);
      if (!quote?.eligible) return;
      if (shown && (!shown.eligible || quote.personalFen !== shown.personalFen)) {
        act.setError(
          `按新填写的内容，个人缴费为 ${yuan(quote.personalFen)} 元${shown.eligible ? `（原为 ${yuan(shown.personalFen)} 元）` : ''}。请核对后再保存。`,
        );
        return;
      }
      // Changed or left while the quote was awaited: what is on screen now is not what was quoted.
      if (live.current.step !== 3 || quoteKey(live.current) !== quoteKey(s)) return;
      // Benefits only after the year ends (docs/rules.md "A wait past 31 December"): asked before the money is taken.
      if (quote.benefitStart && quote.benefitEnd && quote.benefitStart > quote.benefitEnd) {
        const ok = await confirmNoBenefit(
          modal,
          `按规定 ${quote.benefitStart} 才能开始享受待遇，${year} 参保年度到 ${quote.benefitEnd} 结束，本年度缴费后不能享受待遇。请向参保人说明；确认仍要收取 ${yuan(quote.personalFen)} 元并登记吗？`,
        );
        if (!ok) return;
      }
      const enrolled = await act.run(
        () =>
          // The channel is the clerk's: the main process records a person who pays nothing as 零申报.
          invoke('enroll.person', { ...quoteArg(s, s.tier), seen: person.version }),
        (e) => {
          // Another window changed the person since they were shown: read them again and check anew.
          if (e.field === 'seen')
            void invoke('roster.getPerson', { id: person.id }).then((again) => again.ok && dispatch({ type: 'stale', detail: again.value }));
        },
      );
      if (!enrolled) return;
      saved = true;
      const receipt = await invoke('enroll.receipt', { id: enrolled.id });
      dispatch({ type: 'saved', receipt: receipt.ok ? receipt.value : null });
    } finally {
      // Saved: held until the step changes (the effect above), so a queued Enter finds it set.
      if (!saved) saving.current = false;
    }
  }

  function restart() {
    act.setError(null);
    dispatch({ type: 'restart' });
  }

  // Enter with no control focused does the step's work, Esc goes back; the controls' own keys
  // (the search box's, the tier group's, a button's) stay theirs.
  function onKey(e: globalThis.KeyboardEvent) {
    if (dialogOpen() || e.repeat) return;
    const s = live.current;
    if (e.key === 'Escape') {
      if (escapeForField(e)) return;
      // 全户参保 says for itself when Esc may go back (not while saving or once saved).
      if (s.household) return;
      if (s.step > 0 && s.step < 4) {
        e.preventDefault();
        dispatch({ type: 'back' });
      }
      return;
    }
    if (s.household || !keyForPage(e)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (s.step === 1) void loadTiers();
      else if (s.step === 2) tierOn();
      else if (s.step === 3) void save();
      else if (s.step === 4) restart();
    } else if (s.step === 2 && (e.key === '1' || e.key === '2') && tiers.includes(Number(e.key) as Tier))
      dispatch({ type: 'tierChosen', tier: Number(e.key) as Tier });
  }
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  // The payment step's callbacks, the same each render (its parts are drawn only when theirs change).
  const saveRef = useRef(save);
  saveRef.current = save;
  const onSave = useCallback(() => void saveRef.current(), []);
  const requoteRef = useRef(requote);
  requoteRef.current = requote;
  const onRequote = useCallback((y?: DeskYears) => void requoteRef.current(y ? { ...live.current, years: y } : live.current), []);
  useEffect(() => {
    const h = (e: globalThis.KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  // Drawn again when the step changes, not on every answer or busy flag.
  const steps = useMemo(() => <Steps current={desk.step} items={STEP_ITEMS} style={{ marginBottom: 24 }} />, [desk.step]);
  return (
    <div style={{ maxWidth: 1000 }}>
      {modalHolder}
      {steps}
      {act.error && <Alert type="error" showIcon message={act.error} role="alert" style={{ marginBottom: 16 }} />}
      {desk.step === 0 && <SearchStep years={years} onPick={(id) => void pick(id)} />}
      {desk.step === 1 && desk.household && person && year && (
        <HouseholdEnroll
          householdId={person.householdId}
          year={year}
          paper={paper}
          onPaper={choosePaper}
          onBack={() => dispatch({ type: 'household', on: false })}
          escapeBack
          onDone={restart}
        />
      )}
      {desk.step === 1 && !desk.household && desk.detail && (
        <CheckStep
          detail={desk.detail}
          on={desk.payment.paidOn}
          paid={paid}
          busy={act.busy}
          onNext={() => void loadTiers()}
          onHousehold={() => dispatch({ type: 'household', on: true })}
        />
      )}
      {desk.step === 2 && (
        <TierStep
          tiers={tiers.filter((t) => desk.tierQuotes[t] !== undefined)}
          quotes={desk.tierQuotes}
          tier={desk.tier}
          busy={act.busy}
          onChoose={(tier) => dispatch({ type: 'tierChosen', tier })}
          onNext={tierOn}
        />
      )}
      {desk.step === 3 && desk.quote && (
        <PaymentStep desk={desk} dispatch={dispatch} busy={act.busy} channels={years.channels.chosen} onRequote={onRequote} onSave={onSave} />
      )}
      {desk.step === 4 && desk.receipt && <ReceiptStep receipt={desk.receipt} paper={paper} onPaper={choosePaper} onNext={restart} />}
    </div>
  );
}
