-- One database and one login role per service (docs/CONVENTIONS.md). Runs once, on the first start of an empty
-- data volume (docker-entrypoint-initdb.d); LOCAL DEMO PASSWORDS (= role name), never use them anywhere else.
-- The same text is embedded in deploy/k8s/infra/postgres.yaml (ConfigMap postgres-init); DeploymentConfigTest
-- checks that the two copies stay identical.
-- PostgreSQL 15: the public schema belongs to pg_database_owner, so each role may create its tables in its own
-- database (Flyway runs as that role).
CREATE ROLE catalog LOGIN PASSWORD 'catalog';
CREATE DATABASE catalog OWNER catalog;
CREATE ROLE application LOGIN PASSWORD 'application';
CREATE DATABASE application OWNER application;
CREATE ROLE document LOGIN PASSWORD 'document';
CREATE DATABASE document OWNER document;
CREATE ROLE scheduling LOGIN PASSWORD 'scheduling';
CREATE DATABASE scheduling OWNER scheduling;
CREATE ROLE fee LOGIN PASSWORD 'fee';
CREATE DATABASE fee OWNER fee;
CREATE ROLE notification LOGIN PASSWORD 'notification';
CREATE DATABASE notification OWNER notification;
