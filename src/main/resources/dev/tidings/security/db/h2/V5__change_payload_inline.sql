-- H2 keeps a large object's text apart from its row, which made logging a change (one insert in
-- the transaction that holds the change log's head) and replaying one several times slower than
-- an inline value; a character varying holds up to a billion characters in the row itself.
alter table tidings_changes alter column payload set data type character varying;
