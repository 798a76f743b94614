/**
 * An action's start-up targets: from process start to its first input error at most `overNodeMs` more
 * than `node -e 0` (measured by bench/startup.ts, never in a test), and at most `eagerBytes` loaded
 * before its inputs are read (kept by test/action-bundles.test.ts).
 */
export const STARTUP_BUDGET = { overNodeMs: 150, eagerBytes: 2.5 * 2 ** 20 } as const;
