import { run } from '@shipkit/action-kit/action';
import { main } from './main';

await run(main);
