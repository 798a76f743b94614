import { run } from '@shipkit/action-kit';
import { main } from './main';

await run(main);
