// The French catalogue, assembled like the English one (same areas, same keys).
import core from './messages/core.fr.json';
import explorer from './messages/explorer.fr.json';
import records from './messages/records.fr.json';
import charts from './messages/charts.fr.json';
import domain from './messages/domain.fr.json';
import releases from './messages/releases.fr.json';
import ogc from './messages/ogc.fr.json';
import exports from './messages/exports.fr.json';
import share from './messages/share.fr.json';
import accounts from './messages/accounts.fr.json';
import importing from './messages/import.fr.json';
import review from './messages/review.fr.json';
import briefing from './messages/briefing.fr.json';

export default { ...domain, ...core, ...explorer, ...records, ...charts, ...releases, ...ogc, ...exports, ...share, ...accounts, ...importing, ...review, ...briefing };
