import { run } from '@shipkit/action-kit/action';
import { cancelOnWorkflowCancel } from './cancel';

await run(cancelOnWorkflowCancel);
