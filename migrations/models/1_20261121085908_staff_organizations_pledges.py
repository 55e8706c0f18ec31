from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

_UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "audit_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "staff_id" CHAR(36),
    "action" VARCHAR(40) NOT NULL,
    "record_type" VARCHAR(24) NOT NULL,
    "record_id" VARCHAR(36) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* What a staff member did to which record: never a community member's words (promise 8). */;
CREATE INDEX IF NOT EXISTS "idx_audit_created" ON "audit_event" ("created_at");
        CREATE TABLE IF NOT EXISTS "organization" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL /* Public name, shown in the directory (and in reports only if credit is "name"). */,
    "description" TEXT NOT NULL /* What they offer, in their words: public. */,
    "public_contact" VARCHAR(200) NOT NULL /* Front-door contact for the directory (never a confidential location). */,
    "languages" VARCHAR(120) NOT NULL DEFAULT '' /* Language codes they can serve in, comma separated. */,
    "credit" VARCHAR(12) NOT NULL DEFAULT 'anonymous' /* name | anonymous: how reports may credit them. */,
    "status" VARCHAR(12) NOT NULL DEFAULT 'pending' /* pending | approved | suspended */,
    "worksheet" JSON NOT NULL /* The no-strings worksheet (privacy promise 7): question key -> no | yes | unsure. */,
    "worksheet_notes" TEXT NOT NULL /* Anything they want coordinators to know about their funding and conditions. */,
    "no_strings_commitment" INT NOT NULL DEFAULT 0 /* They committed that their aid carries no conditions. */,
    "invited" INT NOT NULL DEFAULT 0 /* Invited by a coordinator rather than applying unprompted. */,
    "created_at" TIMESTAMP NOT NULL,
    "decided_at" TIMESTAMP
) /* An allied organization: public profile, worksheet answers, and its standing with us. */;
        CREATE TABLE IF NOT EXISTS "invitation" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL /* organization (apply as invited) | member (join an organization) */,
    "created_by_id" CHAR(36),
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "organization_id" CHAR(36) REFERENCES "organization" ("id") ON DELETE CASCADE
) /* A one-time link: for an organization to apply, or for a colleague to join one. */;
        CREATE TABLE IF NOT EXISTS "staff_user" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "username" VARCHAR(60) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL /* argon2id, OWASP parameters (promise 8). */,
    "role" VARCHAR(16) NOT NULL /* admin | coordinator | organization */,
    "totp_secret" BLOB /* TOTP secret, encrypted; set once the member confirms a code. */,
    "totp_pending" BLOB /* A secret offered during set-up, not yet confirmed. */,
    "totp_last_step" BIGINT /* The last TOTP time step accepted, so a code can't be used twice. */,
    "disabled" INT NOT NULL DEFAULT 0,
    "is_demo" INT NOT NULL DEFAULT 0 /* Demo accounts from `make run`; refused in production. */,
    "failed_attempts" INT NOT NULL DEFAULT 0 /* Sign-in throttling per account. */,
    "locked_until" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "organization_id" CHAR(36) REFERENCES "organization" ("id") ON DELETE CASCADE
) /* A coordinator, admin or organization member: the only people with accounts. */;
        CREATE TABLE IF NOT EXISTS "staff_session" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE /* SHA-256 of the cookie's random token: a stolen database can't sign anyone in. */,
    "stage" VARCHAR(12) NOT NULL /* password (second factor still due) | enrol (must set up TOTP) | full */,
    "created_at" TIMESTAMP NOT NULL,
    "last_seen_at" TIMESTAMP NOT NULL,
    "staff_id" CHAR(36) NOT NULL REFERENCES "staff_user" ("id") ON DELETE CASCADE
) /* A signed-in staff member's session, kept on the server; the cookie holds only a token. */;
        ALTER TABLE "offer" ADD "title" VARCHAR(120) NOT NULL DEFAULT '' /* Public name of a pledged service, for the directory. */;
        ALTER TABLE "offer" ADD "public_description" TEXT NOT NULL DEFAULT '' /* Public description of a pledged service, for the directory. */;
        ALTER TABLE "offer" ADD "organization_id" CHAR(36) REFERENCES "organization" ("id") ON DELETE CASCADE;
        ALTER TABLE "offer" ADD "location_public" INT NOT NULL DEFAULT 0;
        ALTER TABLE "offer" ADD "no_conditions" INT NOT NULL DEFAULT 0 /* The pledge states that it carries no conditions (promise 7). */;
        ALTER TABLE "offer" ADD "location_note" BLOB /* Where it happens. Published only when location_public; never for confidential places. */;
        ALTER TABLE "offer" ADD "listed" INT NOT NULL DEFAULT 0 /* Listed in the public directory (organization pledges only; never community offers). */;
        ALTER TABLE "offer" ADD "weekly_hours" JSON NOT NULL DEFAULT '[]' /* Weekly opening hours: [{"day": 0-6, "opens": "HH:MM", "closes": "HH:MM"}]. */;
        CREATE TABLE "organization_area" (
    "organization_id" CHAR(36) NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "area_id" CHAR(36) NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_organizati_organiz_3f2a1b" ON "organization_area" ("organization_id", "area_id");""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "audit_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "staff_id" UUID,
    "action" VARCHAR(40) NOT NULL,
    "record_type" VARCHAR(24) NOT NULL,
    "record_id" VARCHAR(36) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_created" ON "audit_event" ("created_at");
COMMENT ON TABLE "audit_event" IS 'What a staff member did to which record: never a community member''s words (promise 8).';
        CREATE TABLE IF NOT EXISTS "organization" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT NOT NULL,
    "public_contact" VARCHAR(200) NOT NULL,
    "languages" VARCHAR(120) NOT NULL DEFAULT '',
    "credit" VARCHAR(12) NOT NULL DEFAULT 'anonymous',
    "status" VARCHAR(12) NOT NULL DEFAULT 'pending',
    "worksheet" JSONB NOT NULL,
    "worksheet_notes" TEXT NOT NULL,
    "no_strings_commitment" BOOL NOT NULL DEFAULT False,
    "invited" BOOL NOT NULL DEFAULT False,
    "created_at" TIMESTAMPTZ NOT NULL,
    "decided_at" TIMESTAMPTZ
);
COMMENT ON COLUMN "organization"."name" IS 'Public name, shown in the directory (and in reports only if credit is "name").';
COMMENT ON COLUMN "organization"."description" IS 'What they offer, in their words: public.';
COMMENT ON COLUMN "organization"."public_contact" IS 'Front-door contact for the directory (never a confidential location).';
COMMENT ON COLUMN "organization"."languages" IS 'Language codes they can serve in, comma separated.';
COMMENT ON COLUMN "organization"."credit" IS 'name | anonymous: how reports may credit them.';
COMMENT ON COLUMN "organization"."status" IS 'pending | approved | suspended';
COMMENT ON COLUMN "organization"."worksheet" IS 'The no-strings worksheet (privacy promise 7): question key -> no | yes | unsure.';
COMMENT ON COLUMN "organization"."worksheet_notes" IS 'Anything they want coordinators to know about their funding and conditions.';
COMMENT ON COLUMN "organization"."no_strings_commitment" IS 'They committed that their aid carries no conditions.';
COMMENT ON COLUMN "organization"."invited" IS 'Invited by a coordinator rather than applying unprompted.';
COMMENT ON TABLE "organization" IS 'An allied organization: public profile, worksheet answers, and its standing with us.';
        CREATE TABLE IF NOT EXISTS "invitation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "organization_id" UUID REFERENCES "organization" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "invitation"."kind" IS 'organization (apply as invited) | member (join an organization)';
COMMENT ON TABLE "invitation" IS 'A one-time link: for an organization to apply, or for a colleague to join one.';
        CREATE TABLE IF NOT EXISTS "staff_user" (
    "id" UUID NOT NULL PRIMARY KEY,
    "username" VARCHAR(60) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "totp_secret" BYTEA,
    "totp_pending" BYTEA,
    "totp_last_step" BIGINT,
    "disabled" BOOL NOT NULL DEFAULT False,
    "is_demo" BOOL NOT NULL DEFAULT False,
    "failed_attempts" INT NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID REFERENCES "organization" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "staff_user"."password_hash" IS 'argon2id, OWASP parameters (promise 8).';
COMMENT ON COLUMN "staff_user"."role" IS 'admin | coordinator | organization';
COMMENT ON COLUMN "staff_user"."totp_secret" IS 'TOTP secret, encrypted; set once the member confirms a code.';
COMMENT ON COLUMN "staff_user"."totp_pending" IS 'A secret offered during set-up, not yet confirmed.';
COMMENT ON COLUMN "staff_user"."totp_last_step" IS 'The last TOTP time step accepted, so a code can''t be used twice.';
COMMENT ON COLUMN "staff_user"."is_demo" IS 'Demo accounts from `make run`; refused in production.';
COMMENT ON COLUMN "staff_user"."failed_attempts" IS 'Sign-in throttling per account.';
COMMENT ON TABLE "staff_user" IS 'A coordinator, admin or organization member: the only people with accounts.';
        CREATE TABLE IF NOT EXISTS "staff_session" (
    "id" UUID NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "stage" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_seen_at" TIMESTAMPTZ NOT NULL,
    "staff_id" UUID NOT NULL REFERENCES "staff_user" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "staff_session"."token_hash" IS 'SHA-256 of the cookie''s random token: a stolen database can''t sign anyone in.';
COMMENT ON COLUMN "staff_session"."stage" IS 'password (second factor still due) | enrol (must set up TOTP) | full';
COMMENT ON TABLE "staff_session" IS 'A signed-in staff member''s session, kept on the server; the cookie holds only a token.';
        ALTER TABLE "offer" ADD "title" VARCHAR(120) NOT NULL DEFAULT '';
        ALTER TABLE "offer" ADD "public_description" TEXT NOT NULL DEFAULT '';
        ALTER TABLE "offer" ADD "organization_id" UUID;
        ALTER TABLE "offer" ADD "location_note" BYTEA;
        ALTER TABLE "offer" ADD "listed" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "offer" ADD "no_conditions" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "offer" ADD "location_public" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "offer" ADD "weekly_hours" JSONB NOT NULL DEFAULT '[]';
        COMMENT ON COLUMN offer."title" IS 'Public name of a pledged service, for the directory.';
COMMENT ON COLUMN offer."public_description" IS 'Public description of a pledged service, for the directory.';
COMMENT ON COLUMN offer."location_note" IS 'Where it happens. Published only when location_public; never for confidential places.';
COMMENT ON COLUMN offer."listed" IS 'Listed in the public directory (organization pledges only; never community offers).';
COMMENT ON COLUMN offer."no_conditions" IS 'The pledge states that it carries no conditions (promise 7).';
COMMENT ON COLUMN offer."weekly_hours" IS 'Weekly opening hours: [{"day": 0-6, "opens": "HH:MM", "closes": "HH:MM"}].';
        CREATE TABLE "organization_area" (
    "organization_id" UUID NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "area_id" UUID NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_organizati_organiz_3f2a1b" ON "organization_area" ("organization_id", "area_id");
        ALTER TABLE "offer" ADD CONSTRAINT "fk_offer_organiza_9cb694d5" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE;""",
}

_DOWNGRADE = {
    "sqlite": """
        DROP TABLE IF EXISTS "organization_area";
        ALTER TABLE "offer" DROP COLUMN "title";
        ALTER TABLE "offer" DROP COLUMN "public_description";
        ALTER TABLE "offer" DROP COLUMN "location_public";
        ALTER TABLE "offer" DROP COLUMN "no_conditions";
        ALTER TABLE "offer" DROP COLUMN "location_note";
        ALTER TABLE "offer" DROP COLUMN "listed";
        ALTER TABLE "offer" DROP COLUMN "weekly_hours";
        DROP TABLE IF EXISTS "invitation";
        DROP TABLE IF EXISTS "staff_session";
        DROP TABLE IF EXISTS "staff_user";
        DROP TABLE IF EXISTS "organization_area";
        DROP TABLE IF EXISTS "organization";
        DROP TABLE IF EXISTS "audit_event";""",
    "postgres": """
        ALTER TABLE "offer" DROP CONSTRAINT IF EXISTS "fk_offer_organiza_9cb694d5";
        DROP TABLE IF EXISTS "organization_area";
        ALTER TABLE "offer" DROP COLUMN "title";
        ALTER TABLE "offer" DROP COLUMN "public_description";
        ALTER TABLE "offer" DROP COLUMN "organization_id";
        ALTER TABLE "offer" DROP COLUMN "location_note";
        ALTER TABLE "offer" DROP COLUMN "listed";
        ALTER TABLE "offer" DROP COLUMN "no_conditions";
        ALTER TABLE "offer" DROP COLUMN "location_public";
        ALTER TABLE "offer" DROP COLUMN "weekly_hours";
        DROP TABLE IF EXISTS "staff_user";
        DROP TABLE IF EXISTS "invitation";
        DROP TABLE IF EXISTS "staff_session";
        DROP TABLE IF EXISTS "organization_area";
        DROP TABLE IF EXISTS "organization";
        DROP TABLE IF EXISTS "audit_event";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXW1T3Di2/iuq/hJS1aQIEGDJra0ihJlwN4SpwGx2djPVI2x1ty9uySPZkL6T/PfVkf"
    "xu2W27XzDg/TAbLB3ZfR7p6Lzp6K/BjNnEFa9OOMGDY/TXgOIZkf/IPB+iAfa85Ck88PGN"
    "qzriqMeN8Dm2fPlsjF1B5CObCIs7nu8wCj1PkMUwFwR5LrYI2sKIEmcyvWEBnzJmvxzKv+"
    "8IR5gibNucCPEKBraZJUd26GSJMQLq/BmQkc8mxJ8SLkf6z+/ysUNt8o2I6E/vdjR2iGtn"
    "GOHYMIB6PvLnnnr266/n739SPeH7bkYWc4MZTXp7c3/KaNw9CBz7FdBA24RQwrFP7BSjaO"
    "C6IT+jR/qL5QOfByT+VDt5YJMxDlxg9+B/xgG1gMtoFvgBdrF8nfAZxxPyKsSRY2qz2cix"
    "/x5+cop8NPp0eT26OrsejQYF1ODTciCEjyxGAXGH+sDAv37ocRNGqacDeMHph5PPW3sHLx"
    "VrmPAnXDUqNg5+KELsY02qwEi4L9xgUuT/6RRzM/+j/jkE5Ieuh/cRe+ozdHCllg4SU8Z9"
    "BL8TBYLYyKFozPhMyKlry0keUJ9wwwJoTJ2DaTDD30YuoRN/Kv882KmA7Z8nnxVyBzsKOT"
    "mfLL3kP4Utu6oJAEwAU//fALCo/2oAix4kiCWyaAnIrqdE89ojzAPuE1JEpqxTJQCvd+sg"
    "IHuVQqDashhMOAu8JiDEBJ1HIZT+6oPjme8FN65jIU48uSgE2vK4c4etOfI4mzmy98FLM1"
    "rLDLbhZSXFpqP4UED1nPpmUNMkOVzlV68L1501bS/yY+X/be++3j/cP9o72D+SXdRXxk8O"
    "K3h+/uk6x1CpqTh3Bkn1jjGXYGpmaUKUY+iNpFoXR6M9Z7N79rvLy48w8kyIP1314Pw6N1"
    "1/vXh3JmWTmsWyk+OThNWgTo1vU1s6PLjB1u095vYo05LaOwixhQGSkOynf3wmLi6Z0qGe"
    "80kO0R2R1RSI5GmIu+Ij22VljCw2zXZnJbwN1WQDgy8wnV8z+K+a9ufyIzC1TPM8ZxV0Qp"
    "+CjxHIcpkUzoSyYDJF/hT7aEpcD42l1EaMEinPsTUlQjYRxMAGMNgWSwxUE89hyMJRiZnF"
    "YYITe1RAbcTGCjfGFe63ZJ5t1nZHPC/CdrDNwiZ/yuEXxU9jUrWoqWS3S/QCPj25Oj15fw"
    "bPRwWAs7pe/uv6WVWYVc3We+v5IQyzI4V+fmLkJ87ys0NJq/TkYOMxWYmwuYSBujIvlpbo"
    "ZQjHvzIPMeBhQlfxt9G61xSRv6YlqnyCqfP/ahdeCbip8Z4+xrkfWxvqFF0zxNOEzYFX+g"
    "SmeKIeAQ9+DBORFNiOf3ZH1K8u+g2T1mGl9xD6jUjccaET8QsIYYzkvBqP0YzMbghHtmMj"
    "n6H7qWNNpUi2GLePIz+gNPJmMzld/HnY+4VA97KDsuy0RXdkMA/X95rFrsi/BokCN7Akaj"
    "BHsD+AbuSbB05NtfpCysRR+W2k2RnSKEaHy22gaCVv1R8/Gnk73zmTUiPT6O80mJfhsujs"
    "Ug7Ny7/t7u7tHe7u7B0cvdk/PHxztBPbmcWmKoPz3fnPYAhlDKbICK3wdsJ0GzXzOKdplv"
    "A7h8zumEHUypucNfJNPpNyT1hC0WVXWP1pnXFL7ddxS+2Xu6X2C24pLQU1kxpwOUf2BFm9"
    "u1+D1bv7payGJiOrTcJhIaON0uEpsHnvoAabQ1lhYjM0Zdmc2m8LfH4vW3xnRsy8zlLmmG"
    "2HpK+ifzxC1lew+vr84uzq+uTil4zL8P3J9Rm07Kqn89zTrTws8SDoy/n1BwR/on9ffjrL"
    "C/q43/W/B/BNOPDZiLL7EbbTPIkeR4+a+CSXdLtVKs6nEvEJ43OT2hy3VSrNVrpXjbD7rZ"
    "wwiI0R+FePla/iJnBcf9uh4MQQQ8S48mZYTAoLh2KfcQHhc2KbAvBLjtaH4vtQ/Fp4v7FN"
    "5zkGzQcN5+rgNLX6XyB2T3VsfMyUsRzINTFDkRx7G0sQKSi4jqLb6GYuMcZU6JBPURKt5Q"
    "2bD9b3kd0+sttHdp9fZLdOrKQJf1qHSbrKoLXq4DpDzqiCh03VGniq02IFnCI8kYrWRIKi"
    "c/OGaMbudLoR6M8C9i21E2n3E8I6oqjc4okD2ZTGtOKxDcr5fwYe4Q5Ta29G5IsttU+mTR"
    "CIPcQpZIIF3CIjsBIGvy+j2fdu5025nROA6yqgCUWXnUqDUyx1NxtzuSSoPx2iP36T/9u+"
    "uPjDoE1Wdq1UC6sAiZTCw1KV8DCvECaLrC4aCUWX0eiM0zotu+qyOE3zoFZXh63Y7D5QO+"
    "KSoep5a+ZteldtwNwc2dPg7us6Tv/X5U7/1wWn/x12A5PFWKGBxCQPaIDvPAbFoyNe93N6"
    "5/g4ZFNB6U+1Vur9TrZfDd87o2Qb4j3IdejtsfZOUZROzIGcEvlGd64856H7irkuwZOAQO"
    "P/Me1aNznjVz18751/pN55n90SOppiMW2yP2Spnp6nvk4U/qA8Cn9QiMI33YA3v/O2MJMy"
    "4mJLCQtwEyhhR+yX6HuUAbelZEVOwLwsiKUVjLdhBSCK3d/MG2ZfFQj7FKwsZ8k3z5GtLf"
    "IpspR9PkXn8inSMMPpyRYYp8hWAPDjWUCPDl9DCnpdEWkg7YWkwS4yM7vI6Z8YJ86E/oOs"
    "6YxFNzlsOmTB8X1sh5immfGkw4+HsT8viBBYGd0F4zNqGlZZnrNUp4Vm5yUlKCSAOBBWuV"
    "ovIPAj1RX7LdJcsdG9409VNAjai+Zl+2GMcSQaRnAF+XO5yFBvVa5WW6vI+ZJQFdhf6hML"
    "e2/OI9bC1rnktjQ8YMaGAVI9mdEW6Bg6OYhRaa/cEs8H7wh0mbKAG2Kvyw217iyYQILAR5"
    "y5jTLLcmSdNltDI/J7OtNU/pXeCI6l0ILfEpeFQh7hglEpxIBRRUxXNOaGzdcbZhuiWWfU"
    "4nNPwnRNvpWs2Igwn/Q094noDtIryXr6ePkuo2xLdr47/3Ty+beti5N/vcxo3B8vP/0c9U"
    "8LzHe/XZ+d9OcFnqP9A7pLQ7snRbJKhaS7oLY3eCLNcElD54mlCOYtnNSE6pJlo7huMGsi"
    "NMptmgj2xQbNFZsRULMmhpPWCItbaYSMGR+iWwp54Errupkjxxeyt03MW/2Kxmx4nlvOYT"
    "9QbGh2sluBr4lXfb67N6c2ZU5FE6dxnK5A2N1Q3eDDxcnp9tWHk903B3BMzFeF9vTno4Da"
    "SmO+JaFZxAJfODZRvYBtN1iQJCt1z2B1rX74DYcQAy5hshpln6VIOm2RSUkpjSXB5Nr9js"
    "Yu+eZArdLv0kaW6/W+AOXi7guO49Q6jVNxGCcPjX4xiFleos6b8cnTVSnzj9YDa+Iy6OZm"
    "HhJTnHwhB4kxWv6s+Jd+SYGBNUz6HH23LXtdZ0dK57nyHQ/DUwsO18VzjhGJfnAitffLyv"
    "W0GqYDHgRGfVB+24Cdom0J9GbWyuCDFPU+0/XyAJrZUGvUzljDZk2h0J7sIfA8BdcQyW+H"
    "wrz3U0LjEIMuy2cojr22tzz8LJHGwZhwHlULazNZikN0es502esnhQhlgakCXi0cEuIegZ"
    "YIuJhOgjAgWleNTtN0Wo+G4uTRx2rJdY+piiHdEISpuCdcnfAzlzWvTVmpXR/VUK6PSnXr"
    "o8IBhtjvUfvsQkyxwWMLzCO06FOIn67k+MLKzZbnF4OQO33AkdzQLAc8ZnqXj1W73ZdRXc"
    "aZQwMpUSHzXRCJim1UGpYZ6gnHPFws/JEqjOD48xaTy0T/eKbYswxzKZW3lSBJE/apnF3G"
    "OFUquG4cIEXShzJLThM3PTiQJevZWh0hLj+z3ThKnK6x9zhZuzBSnJtcmWjxZylAPp+fXg"
    "8KQmEFvG17hcMj4WtKDpbwtE4xpDCldsl6P6ms4SfC7bVW/NHlkQxpCnHdpPI8BRZ3WZio"
    "8AGuBwErAkiOpcXN6HzGAiFtCnVpiCHVYCsKX75UJ3Q9l9gTXZwO06Kxstrxv9J0ZuOS+Q"
    "wpoVMjoUHfRhFlNKRkcp/S0LV9edjdlIa8nbC2jIYo10BNW0gaiq95iH7I20yWsHgRrjSB"
    "pviOIGo8wL/SkTecx+A7frPc8pigY2VIBr/oKx9VCokEA8cyUhB+51hySCiboHJIHE4suX"
    "DnRSjbDvIAFUfVl44qA80V0QsjdYcr0YbApJ4uDXLbsRp4Fc7+dZ1xKESImqMmUffUDDiF"
    "QEouNYOQW3c+mppvAfzfq8tPJckZObq8f8exfPQduY5Y20Gf1A6qCvk6VLyC9zXdLAdf1E"
    "9B4NAHUat+EuxnX+UON/8qe+xsHwzRV+XxF/D318GHD8cXF18H8FRHhDOPf/xuyEZY00vq"
    "Tx/Asnr65GdKbueHAfLTx2WWPl1Jmd8uAl0YodPhz8EXqf8S5Phyn/UAqldIrX8xlStdhQ"
    "lUvkD8o7RkfBvGC0ACSMDGjtzDfQe7+sZ6Q/xhbW/pQJA2+9EGg7eqJrOBeoPFmeMn6Qlj"
    "tvpWEidfripzhutSMJrOU1QzOybqJo8HH9UHRmVtw1u64+0VbWWKzkQKMqyfaKkkhrEut2"
    "xII1vTOx5kFlAGHhbbKbmpsXIyFGg7Oicg20HDADf1+eoiVuyDLLUw5478mzKU/JIkrHtY"
    "ciP8MoM9CMqPri5kvEKKmlu2KYt0srCyh3ELKFZ13PCp3CdZK2zCmC0ga19bOvJfHA5YyA"
    "ce1pGBDByLu286VwbLF4dzrGZZgzRJp2sbQPrrDNM50gUIlOSikPgFZZaGCFNb2iJhF6hO"
    "4JKxb06ibTXKmisaRDCM4IUt4Ivpuoxh/ZyyVdeLuMOO+q0jiCMU2Vt+dKNIueTxja6xut"
    "n5jYQdgbTI3HacjEmf80kYcBK0y7COKbvtX3hPfAm4iOwNZTIkN0enDigUhXQz0g54Ap5w"
    "unbLPODnmWCdXLSV5XDqeXaR6AapMXoYFBD5DyLHtwsroqJfn47dlRXwlPIo+/ToZwd5nx"
    "79DDDu83nXkSbdFxDeYLZ0X0B4nQWE690l1uelt81LX1sZs2y6u8FWusB0fs3gv2vOd3/Q"
    "O1Iq0FI/a5TLkI5+JIec9Kh6wHHm1lrGFQC3ZB5xN4Q4xiZs0lm/us2fchZMpsnj6BCCcd"
    "nJ56MCm39U53yn5ZYp9Tsn1yoywPM9a1366roO5HBkaseGQWWPs7EDNWTvGb8VU0L88HS2"
    "0B52KDMHk8+GBCJVXzswpI6s6yX9LVCPNBvbXBuk3AVUUgikU+61dGbtEIkpVGMM3Z6p1A"
    "w1nynixGPcF3HZF4sT2/GRI9BX9WO/DgyR/3W8YPNpvS3zeR8skXepalFqwyjWedKCr6o+"
    "1GLCB07SDfOrS6tCVVzKXKDsNJg/cfmh2zbTGYzwycWsabQV1VjPJDlGmYGGtbyyUSsX8O"
    "5OnQUse5UuYNVmjpE0cuJniLp2sOJjVIkGTrKIsAYXpiobBK4UGaqEOSz/9rD6QkNKXqsh"
    "Ni999T7QBLmEYpPhl+jAoCECk2nKFfaEUy3fk+OGxyoFJNoLZ3ge7YNQdK0IYnPyDYdsHk"
    "nwzCNKVy9il27IIhe2APc9aQ/cqciYCIRnjqIt7r7pkqyR6VIEp+LASpqoG6dV4LWNT6tA"
    "Sipl2xoekTLjtjzu3GFrjpIc1GMkP1Col0L54+2/Q7rqdzQnkH4XUBFww/nDdbzggU+pxL"
    "9hVJI/Uq4KG0g7fK7thM51+fqkzFvq0hoBNd+gdD3CNyzwQ21Xzku1vMGYSVKZTY6FlY79"
    "wCo1ZaNwho9AWXD8GaEGebIoJd48RndT4+dIfykcafBDA0jihB3bnNFuFA+tBnmQVPjweu"
    "GGuKaoOorkuf5CVbAhcy2V/KgpAdNGqsPqkmVYfQEFiW1OGltqpAfBtE+lGTyHmLtNLGmF"
    "t4E5S9lnVnQN5UKQuk6BJCWTcdnBtQY1ks7jgR4t8sUqSRlnoT6DuByX4gpIT5BBupbKkg"
    "y68vF4/Kt4UkzqQ+mdCqWn6/soZtaPqBfTVtKB9XTrquPral1c6RpfA0N8PdM+rIqvC+g5"
    "EqmuiwPsSDgTSuxthyJFntRNCscZhndA6VCechjzt+GFUezWgct45WzWkTwsTdpbYiiovr"
    "7X9EH2RxpkVxA2rneWperw/W1XH062M5erwSSW013DpScw3IEs0XQJTa5VszB94avVgqTU"
    "Z5QYLyhY+egbrnomZUCzU0wxQaeDsR4WAkLhaEsXt5ejQqhUwuC4LrID8lIdqOHMRVuzQE"
    "gkiI8CD11fXv8CTWP5ymIwYUWD9ud3OqZOPlpztHB+RxAplFue3UnR9lB3GmqtXjbTmtI0"
    "/WmO6vMGildF5jZOgW9iaHeUsQtz4NPzqkvXeCe8L7PkImAWmXGBqFst+yQdhRgibM+klS"
    "UVhEydLW1vHetz7mBEeYR5LtEJy9iyWCARMBluKx27t9YeqbUGs7FpWnSapruWWsu6Awd1"
    "st8OypPfDooFhUM9v7FNXCDstI2E+YTRXcceossvJ1e/IEg4nEnhzVO14I4MKakN6KqTTt"
    "+8qZN0+uZNedIptGWxk8ZXo6UR9e82UkrYf8/EuBfUjatHsuEKcj7zPWlmSLOy3fXAOfpu"
    "V8MBqx/pjx0m9WveKqcAk2qj2qTDOy1U3jafCZXHYJsS25Yc7OEr5ijsUnmd7cBPDdBt9E"
    "9CtMJSRjayA3UZggRsO/CGiDIfzYkfgWVKb2k3REeQ1h4Fn3iGUKUzKS1uV6RtVd1uU0tc"
    "3U4rfOXhU/UFEXw2aNpEX8QtWLgKQ4dvWHYQ+feOVZK/uuyA5sJ6f9vd3ds73N3ZOzh6s3"
    "94+OZoJ66wV2yqKrX37vxnyGvKyPxiopPtCICiafZamqyb6Wur0P5XmSQo5BfPWEM2p6i6"
    "yeXBe/l5scGqr4L6Y4ZvCeIB/eMt4mSsZr1UcaTGaQdWfN1Trqpcy1EeBMsxdlzlbPfJzP"
    "MNOQilUtNAubmioDt5SHeKcF45E7qtzihy5vsu7GIeHFjT0Biiaov7r7l+qMusW8nSipqX"
    "Fd70HG2fxtdlZ3ofHnsWMPcFm/qCTd2OpNQu2FQn51hEV1UWNcOmmaKpjLfHKb82ezPrCe"
    "GONR0Yok5hy7Aq5ISTPovCTeVsWHFwp1TvNMpCg6oZzvbuBhRWojyWx2zuCBdGSVjul06R"
    "dNk13TJmsxbXPyyqBhwOuz9B7r6uVc3jdUU1j9fFah5QfcR4zLT82HqKZPOH1h9GZVrZEf"
    "AGB41Wv5n9+C/EKaw/"
)
