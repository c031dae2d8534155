// canbao's command line: `npm run -s cli -- <command>`. Runs straight from the sources
// (tsx), so it works right after `npm install`.
import fs from 'node:fs';
import { FactsError } from '../domain/policy/facts';
import { PolicyError } from '../domain/policy/resolve';
import { QuoteError, quote, type Quote } from '../domain/policy/quote';
import type { Policy } from '../domain/policy/schema';
import { renderSubsidyTable, subsidyTable } from '../domain/policy/table';
import { loadPolicies } from '../policies/load';

const USAGE = `用法：
  npm run -s cli -- policies                          列出可用的政策
  npm run -s cli -- quote --input 文件 [--policy 编号]  计算参保缴费（文件为一个或一组人员情况 JSON；有错的项单独给出 error）
  npm run -s cli -- table --policy 编号                打印资助筹资对照表`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} 后面要跟一个值。`);
  return v;
}

function pickPolicy(policies: Map<string, Policy>, id: string | undefined, where: string): Policy {
  if (!id) throw new FactsError(`${where}没有指定政策：请用 --policy 指定，或在人员情况里写 "policy"。`);
  const p = policies.get(id);
  if (!p) throw new FactsError(`${where}政策「${id}」不存在。可用的有：${[...policies.keys()].join('、')}。`);
  return p;
}

function runQuote(args: string[], policies: Map<string, Policy>): string {
  const file = option(args, '--input');
  if (!file) throw new UsageError('quote 需要 --input 文件。');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new FactsError(`读不到文件 ${file}。`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw new FactsError(`${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  const defaultPolicy = option(args, '--policy');
  const items = Array.isArray(input) ? input : [input];
  // One bad item never loses the others (docs/rules.md "Many persons at once"): each gets its quote
  // or its own Chinese error, and only a file that cannot be read fails the run.
  const answers: (Quote | { error: string })[] = items.map((item, i) => {
    const where = Array.isArray(input) ? `第 ${i + 1} 项：` : '';
    try {
      const named = typeof item === 'object' && item !== null ? (item as { policy?: unknown }).policy : undefined;
      if (named !== undefined && typeof named !== 'string') throw new FactsError('policy 必须是政策编号文字。');
      return quote(pickPolicy(policies, named ?? defaultPolicy, ''), item);
    } catch (e) {
      if (e instanceof FactsError || e instanceof QuoteError) return { error: `${where}${e.message}` };
      throw e;
    }
  });
  const errors = answers.filter((a): a is { error: string } => 'error' in a);
  for (const e of errors) process.stderr.write(`错误：${e.error}\n`);
  return JSON.stringify(Array.isArray(input) ? answers : answers[0], null, 2) + '\n';
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    if (!command || command === '--help' || command === '-h') {
      process.stdout.write(USAGE + '\n');
      return command ? 0 : 2;
    }
    const policies = loadPolicies();
    switch (command) {
      case 'policies':
        for (const p of policies.values()) {
          process.stdout.write(`${p.id}\t${p.region}\t${p.coverageYear}${p.abstract ? '\t（基础政策，不单独使用）' : ''}\n`);
        }
        return 0;
      case 'quote':
        process.stdout.write(runQuote(args, policies));
        return 0;
      case 'table': {
        const id = option(args, '--policy');
        if (!id) throw new UsageError('table 需要 --policy 编号。');
        process.stdout.write(renderSubsidyTable(subsidyTable(pickPolicy(policies, id, ''))));
        return 0;
      }
      default:
        throw new UsageError(`不认识的命令「${command}」。`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof FactsError || e instanceof PolicyError || e instanceof QuoteError) {
      process.stderr.write(`错误：${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
