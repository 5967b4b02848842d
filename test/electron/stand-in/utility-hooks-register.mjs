import { register } from 'node:module';

register('./utility-hooks.mjs', import.meta.url);
