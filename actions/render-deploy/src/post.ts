import { run } from '@shipkit/action-kit';
import { cancelOnWorkflowCancel } from './cancel';

await run(cancelOnWorkflowCancel);
