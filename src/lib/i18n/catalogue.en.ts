// The English catalogue, one file per area of the portal so work on one area never edits
// another's messages. English is the reference: its keys type every t() call.
import core from './messages/core.en.json';
import explorer from './messages/explorer.en.json';
import records from './messages/records.en.json';
import charts from './messages/charts.en.json';
import domain from './messages/domain.en.json';
import releases from './messages/releases.en.json';
import ogc from './messages/ogc.en.json';
import exports from './messages/exports.en.json';
import share from './messages/share.en.json';
import accounts from './messages/accounts.en.json';
import importing from './messages/import.en.json';
import review from './messages/review.en.json';
import briefing from './messages/briefing.en.json';

export default { ...domain, ...core, ...explorer, ...records, ...charts, ...releases, ...ogc, ...exports, ...share, ...accounts, ...importing, ...review, ...briefing };
