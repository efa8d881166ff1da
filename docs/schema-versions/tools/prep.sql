create extension citext; create extension unaccent; create extension pgcrypto; create extension hstore; create extension "uuid-ossp"; create extension postgis; create extension btree_gist; create extension btree_gin; create extension pg_trgm; create extension ltree;
-- PG18 built-in stand-in (PostgreSQL 15 here)
create function public.uuidv7() returns uuid language sql volatile as 'select gen_random_uuid()';
