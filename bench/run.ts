// `npm run bench`: figures for the notes, not a test. Options: --quick (fewer persons).
import { loadPolicies } from '../src-main/policies/load';
import { benchQuotes } from './quote';

const quick = process.argv.includes('--quick');
const policies = [...loadPolicies().values()].filter((p) => !p.abstract);
console.log(`canbao bench · node ${process.version} · ${new Date().toISOString()}`);
benchQuotes(policies, quick ? 100_000 : 1_000_000, quick ? 3 : 5);
