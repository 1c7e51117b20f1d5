-- E-mails are unique whatever their case, and logins find them through this index.
create unique index tidings_users_email on tidings_users (lower(email));
