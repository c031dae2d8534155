// The import worker, ended from inside after CANBAO_KILL_AFTER_MS: a thread that dies wherever it
// happens to be (reading, staging, inside its commit or just after it), for the model's fault.
setTimeout(() => process.exit(1), Number(process.env.CANBAO_KILL_AFTER_MS ?? 0)).unref();
await import('../../src-main/imports/import-worker');
export {};
