import { describePromisesService } from './e2e-suite.js';

// The catalog's own format: `{"error":{"code":4040,"message":…,"details":[…]}}`; details are not on the wire.
describePromisesService({ profile: 'resonate-legacy', rich: false });
