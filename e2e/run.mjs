// End-to-end tests: the release build, driven the way a person does, by role and accessible
// name with the console's wording. One spec file per behaviour under specs/.
import { run } from './harness.mjs';
import list from './specs/list.mjs';
import deploy from './specs/deploy.mjs';
import modify from './specs/modify.mjs';
import persistence from './specs/persistence.mjs';
import pools from './specs/pools.mjs';
import tabs from './specs/tabs.mjs';
import transfer from './specs/transfer.mjs';
import xss from './specs/xss.mjs';
import storage from './specs/storage.mjs';
import onDemand from './specs/on_demand.mjs';
import catalog from './specs/catalog.mjs';
import realTime from './specs/real_time.mjs';
import layout from './specs/layout.mjs';
import a11y from './specs/a11y.mjs';
import i18n from './specs/i18n.mjs';

// The longest first, so the last to finish are short ones.
await run({ ...realTime, ...a11y, ...i18n, ...layout, ...xss, ...tabs, ...list, ...deploy, ...modify, ...persistence, ...pools, ...transfer, ...storage, ...onDemand, ...catalog });
