// `npm run bench`: figures for the notes, not a test. `--quick` for a smaller run;
// `--only quote|ledger|excel|malformed|tax|notices|history|login|renderer` for one part.
import { loadPolicies } from '../src-main/policies/load';
import { benchExcel } from './excel';
import { benchLedger } from './ledger';
import { benchMalformed } from './malformed';
import { benchQuotes } from './quote';
import { benchTax } from './tax';
import { benchNotices } from './notices';
import { benchHistory } from './history';
import { benchLogin } from './login';
import { benchRenderer } from './renderer/index';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
const policies = loadPolicies();
const quotable = [...policies.values()].filter((p) => !p.abstract);
console.log(`canbao bench · node ${process.version} · ${new Date().toISOString()}`);
if (!only || only === 'quote') benchQuotes(quotable, quick ? 100_000 : 1_000_000, quick ? 3 : 5);
if (!only || only === 'ledger') benchLedger(policies.get('cq-yunyang-nongba-2024')!, quick ? 50_000 : 1_000_000);
if (!only || only === 'excel') await benchExcel(quick ? [20_000] : [100_000, 1_000_000]);
if (!only || only === 'malformed') benchMalformed();
if (!only || only === 'tax') await benchTax(policies.get('cq-yunyang-nongba-2024')!, quick ? 10_000 : 50_000);
if (!only || only === 'notices') await benchNotices(policies.get('cq-yunyang-nongba-2024')!, quick ? 3_000 : 26_500);
if (!only || only === 'history') benchHistory(policies.get('cq-youyang-2024')!, quick ? 100_000 : 1_000_000, 30_000);
if (!only || only === 'login') await benchLogin(policies.get('cq-yunyang-nongba-2024')!, quick ? 5_000 : 30_000, 100);
if (!only || only === 'renderer') await benchRenderer(policies.get('cq-yunyang-nongba-2024')!, 5_000, quick);
