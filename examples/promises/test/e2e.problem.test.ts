import { describePromisesService } from './e2e-suite.js';

// RFC 9457 problem details: the same codes, with the details and field violations on the wire.
describePromisesService({ profile: 'problem', rich: true });
