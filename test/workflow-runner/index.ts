/**
 * A local GitHub Actions runner for this repository's workflows, used by the tests: expressions
 * (`expressions.ts`), jobs in `needs` order with reusable workflows and stubs (`jobs.ts`), and steps
 * — scripts and this repository's actions — (`steps.ts`).
 *
 *   tsx test/workflow-runner/index.ts <workflow.yml> [--input name=value]… [--secret NAME]… [--step-input job.step.name=value]…
 * (`--secret NAME` reads the value from the environment variable NAME, never from the command line.)
 */
import { pathToFileURL } from 'node:url';
import { runWorkflow } from './jobs';

export {
  type ExpressionContext,
  evaluate,
  evaluateCondition,
  evaluateTemplate,
  toText,
  type Value,
} from './expressions';
export {
  type JobRecord,
  type Outcome,
  runWorkflow,
  type StepRecord,
  type Stub,
  type StubContext,
  type WorkflowResult,
  type WorkflowRunOptions,
} from './jobs';

async function main(argv: string[]): Promise<number> {
  const [workflow, ...rest] = argv;
  if (!workflow) {
    console.error(
      'usage: tsx test/workflow-runner/index.ts <workflow.yml> [--input name=value]… [--secret NAME]… [--step-input job.step.name=value]…',
    );
    return 2;
  }
  const inputs: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  const stepInputs: Record<string, Record<string, string>> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value = ''] = [rest[i], rest[i + 1]];
    const eq = value.indexOf('=');
    if (flag === '--input' && eq > 0) inputs[value.slice(0, eq)] = value.slice(eq + 1);
    else if (flag === '--secret' && value) {
      const secret = process.env[value];
      if (secret === undefined) throw new Error(`--secret ${value}: set the environment variable ${value}`);
      secrets[value] = secret;
    } else if (flag === '--step-input' && eq > 0) {
      const key = value.slice(0, eq);
      const dot = key.lastIndexOf('.');
      const step = key.slice(0, dot);
      stepInputs[step] = { ...stepInputs[step], [key.slice(dot + 1)]: value.slice(eq + 1) };
    } else {
      console.error(`unknown argument ${flag} ${value}`);
      return 2;
    }
  }
  const result = await runWorkflow({
    workflow,
    inputs,
    secrets,
    stepInputs,
    log: (line) => console.log(line),
  });
  for (const [name, value] of Object.entries(result.outputs)) console.log(`output ${name}=${value}`);
  return Object.values(result.jobs).some((job) => job.result === 'failure') ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
