import type postgres from 'postgres';

/** Any postgres.js client or transaction a query can run on. */
export type Queryable = postgres.Sql | postgres.TransactionSql;
export type SqlValue = string | number | boolean | null | Date;

// `.sql` files are run by `sqlTemplate` (./sql-template.ts), the one runner: named slots
// (`:name`), every value bound.
