-- Rtl's job store: every durable job's input, result and plots, so that every silo reaches them.
-- A blob is cut into parts of about 1 MB, one row each, written with COPY and read row by row: a big table
-- never sits whole in one buffer. Parts are stored out of line and uncompressed (STORAGE EXTERNAL): tables of
-- numbers barely compress, and trying costs more time than it saves space.
CREATE TABLE rtl_jobs
(
    job_id uuid PRIMARY KEY,
    written timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX rtl_jobs_written ON rtl_jobs (written);

CREATE TABLE rtl_job_blobs
(
    job_id uuid NOT NULL REFERENCES rtl_jobs (job_id) ON DELETE CASCADE,
    name text NOT NULL,
    bytes bigint NOT NULL,
    PRIMARY KEY (job_id, name)
);

CREATE TABLE rtl_job_parts
(
    job_id uuid NOT NULL,
    name text NOT NULL,
    part integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (job_id, name, part),
    FOREIGN KEY (job_id, name) REFERENCES rtl_job_blobs (job_id, name) ON DELETE CASCADE
);

ALTER TABLE rtl_job_parts ALTER COLUMN data SET STORAGE EXTERNAL;
