-- Rtl's SQLite schema, part 1 of 3: the query catalogue.
-- Orleans' ADO.NET providers do not embed SQL; at start-up they read their statements from this table,
-- keyed by the names in Orleans' DbStoredQueries / AdoNetGrainStorage. Parameter and column names in the
-- statements are part of that contract.
-- Every script is idempotent: it runs on each silo start, on a new or an existing database.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
