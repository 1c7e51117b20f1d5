INSERT INTO articles (title, body, status, views, published_at) VALUES
    ('Spring Boot notes #1', 'What we learned about Spring Boot in week 1.', 'published', 37, TIMESTAMP WITH TIME ZONE '2026-01-01 09:00:00+00:00'),
    ('Directus notes #2', 'What we learned about Directus in week 2.', 'published', 74, TIMESTAMP WITH TIME ZONE '2026-02-02 09:00:00+00:00'),
    ('WebSockets notes #3', 'What we learned about WebSockets in week 3.', 'draft', 111, NULL),
    ('PostgreSQL notes #4', 'What we learned about PostgreSQL in week 4.', 'published', 148, TIMESTAMP WITH TIME ZONE '2026-04-04 09:00:00+00:00'),
    ('Redis notes #5', 'What we learned about Redis in week 5.', 'archived', 185, TIMESTAMP WITH TIME ZONE '2026-05-05 09:00:00+00:00'),
    ('JPA notes #6', 'What we learned about JPA in week 6.', 'published', 222, TIMESTAMP WITH TIME ZONE '2026-06-06 09:00:00+00:00'),
    ('Flyway notes #7', 'What we learned about Flyway in week 7.', 'published', 259, TIMESTAMP WITH TIME ZONE '2026-07-07 09:00:00+00:00'),
    ('Realtime notes #8', 'What we learned about Realtime in week 8.', 'draft', 296, NULL),
    ('Caching notes #9', 'What we learned about Caching in week 9.', 'published', 333, TIMESTAMP WITH TIME ZONE '2026-09-09 09:00:00+00:00'),
    ('Security notes #10', 'What we learned about Security in week 10.', 'archived', 370, TIMESTAMP WITH TIME ZONE '2026-10-10 09:00:00+00:00'),
    ('Spring Boot notes #11', 'What we learned about Spring Boot in week 11.', 'published', 407, TIMESTAMP WITH TIME ZONE '2026-11-11 09:00:00+00:00'),
    ('Directus notes #12', 'What we learned about Directus in week 12.', 'published', 444, TIMESTAMP WITH TIME ZONE '2026-12-12 09:00:00+00:00'),
    ('WebSockets notes #13', 'What we learned about WebSockets in week 13.', 'draft', 481, NULL),
    ('PostgreSQL notes #14', 'What we learned about PostgreSQL in week 14.', 'published', 18, TIMESTAMP WITH TIME ZONE '2026-02-14 09:00:00+00:00'),
    ('Redis notes #15', 'What we learned about Redis in week 15.', 'archived', 55, TIMESTAMP WITH TIME ZONE '2026-03-15 09:00:00+00:00'),
    ('JPA notes #16', 'What we learned about JPA in week 16.', 'published', 92, TIMESTAMP WITH TIME ZONE '2026-04-16 09:00:00+00:00'),
    ('Flyway notes #17', 'What we learned about Flyway in week 17.', 'published', 129, TIMESTAMP WITH TIME ZONE '2026-05-17 09:00:00+00:00'),
    ('Realtime notes #18', 'What we learned about Realtime in week 18.', 'draft', 166, NULL),
    ('Caching notes #19', 'What we learned about Caching in week 19.', 'published', 203, TIMESTAMP WITH TIME ZONE '2026-07-19 09:00:00+00:00'),
    ('Security notes #20', 'What we learned about Security in week 20.', 'archived', 240, TIMESTAMP WITH TIME ZONE '2026-08-20 09:00:00+00:00');

INSERT INTO comments (article, body, date_created) VALUES
    (1, 'Great introduction.', TIMESTAMP WITH TIME ZONE '2026-02-01 10:00:00+00:00'),
    (1, 'Looking forward to part two.', TIMESTAMP WITH TIME ZONE '2026-02-02 11:30:00+00:00'),
    (2, 'Clear and useful.', TIMESTAMP WITH TIME ZONE '2026-03-03 08:15:00+00:00');
