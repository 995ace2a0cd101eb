/** The store's table for exit criteria ticks (added to bot/store/migrations.ts's list). */
import type { Migration } from '../store/migrations.js';

export const EXIT_CRITERIA_MIGRATION: Migration = {
  id: 61,
  name: 'exit criteria ticked per school, with who and when',
  sql: [
    // Every tick and untick is a row (nothing is overwritten): the latest per criterion stands,
    // and the rows are the history of when each criterion was judged met. by_id is the
    // officer's AAD object id (personal: never logged); by_name is what replies and agendas show.
    `CREATE TABLE exit_criteria_ticks (
       id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       school_urn    text NOT NULL,
       framework_id  text NOT NULL,
       criterion     integer NOT NULL CHECK (criterion > 0),
       ticked        boolean NOT NULL,
       by_id         text NOT NULL,
       by_name       text NOT NULL,
       on_day        text NOT NULL,
       at            timestamptz NOT NULL
     )`,
    `CREATE INDEX exit_criteria_ticks_school ON exit_criteria_ticks (school_urn, framework_id, criterion, id)`,
  ],
};
