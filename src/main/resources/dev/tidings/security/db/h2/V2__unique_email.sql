-- E-mails are unique whatever their case. H2 has no expression indexes: a generated column
-- holds the lower-cased e-mail and carries the constraint.
alter table tidings_users add column email_key varchar(128) generated always as (lower(email));
alter table tidings_users add constraint tidings_users_email unique (email_key);
