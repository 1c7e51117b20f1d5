-- Users the host application authenticated (the identity bridge): which mechanism vouches for
-- them and who they are there. Such a user may have no e-mail.
alter table tidings_users add column provider varchar(128) not null default 'default';
alter table tidings_users add column external_identifier varchar(255);
alter table tidings_users add constraint tidings_users_external unique (provider, external_identifier);
alter table tidings_users alter column email drop not null;
