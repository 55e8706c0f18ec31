from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

_UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "area" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "slug" VARCHAR(60) NOT NULL UNIQUE /* Stable short name used in forms and counters. */,
    "name" VARCHAR(120) NOT NULL /* The name people see. */,
    "group" VARCHAR(60) NOT NULL /* The coarse group used in public reports (privacy promise 6). */,
    "position" INT NOT NULL,
    "active" INT NOT NULL
) /* A coarse place (a neighbourhood), never an address. */;
CREATE TABLE IF NOT EXISTS "category" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "slug" VARCHAR(60) NOT NULL UNIQUE,
    "name" VARCHAR(120) NOT NULL /* Coordinators' own name for a custom category; built-ins are named by translation. */,
    "position" INT NOT NULL,
    "active" INT NOT NULL
) /* A kind of need: the built-in ones, or one coordinators added. */;
CREATE TABLE IF NOT EXISTS "counter" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "period" VARCHAR(7) NOT NULL /* Calendar month, `YYYY-MM`. */,
    "metric" VARCHAR(40) NOT NULL,
    "category" VARCHAR(60) NOT NULL DEFAULT '',
    "area_group" VARCHAR(60) NOT NULL DEFAULT '',
    "source_kind" VARCHAR(16) NOT NULL DEFAULT '',
    "value" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_counter_period_478ded" UNIQUE ("period", "metric", "category", "area_group", "source_kind")
) /* An aggregate count, moved in the same transaction as the event (promise 6). */;
CREATE TABLE IF NOT EXISTS "need" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "codename_hash" VARCHAR(64) NOT NULL UNIQUE /* HMAC-SHA256 of the codename under a key kept outside the database (promise 3). */,
    "urgency" VARCHAR(12) NOT NULL /* now | soon | flexible | window */,
    "window_start" DATE,
    "window_end" DATE,
    "description" BLOB NOT NULL /* What they need, in their words: encrypted (promise 4). */,
    "contact" BLOB /* How to reach them, only if they chose to say: encrypted, erased when the need closes. */,
    "preferred_name" BLOB,
    "pronouns" BLOB,
    "language" VARCHAR(8) NOT NULL /* The language they want to be answered in. */,
    "status" VARCHAR(12) NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMP NOT NULL /* Hour precision only (promise 2): never minutes or seconds. */,
    "last_activity_at" TIMESTAMP NOT NULL,
    "closed_at" TIMESTAMP,
    "area_id" CHAR(36) NOT NULL REFERENCES "area" ("id") ON DELETE RESTRICT,
    "category_id" CHAR(36) NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT
) /* Something a community member asked for, known only by its codename. */;
CREATE INDEX IF NOT EXISTS "idx_need_status_created" ON "need" ("status", "created_at");
CREATE TABLE IF NOT EXISTS "message" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL /* Order within the thread (times are only kept to the hour). */,
    "author_role" VARCHAR(16) NOT NULL /* member | coordinator | organization: a role, never a person's name. */,
    "body" BLOB NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "need_id" CHAR(36) NOT NULL REFERENCES "need" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_message_need_id_b498e6" UNIQUE ("need_id", "seq")
) /* One message in a need's thread; deleted with the need. */;
CREATE TABLE IF NOT EXISTS "offer" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "codename_hash" VARCHAR(64) UNIQUE /* HMAC of the offering member's codename; organizations' pledges have none. */,
    "source_kind" VARCHAR(16) NOT NULL DEFAULT 'community' /* community | organization */,
    "kind" VARCHAR(12) NOT NULL /* goods | service | ride | space */,
    "capacity" INT NOT NULL /* How many times it can be used, and how many are left. */,
    "capacity_left" INT NOT NULL,
    "available_from" DATE NOT NULL,
    "available_until" DATE,
    "notes" BLOB /* Details in the offerer's words: encrypted. */,
    "language" VARCHAR(8) NOT NULL,
    "status" VARCHAR(12) NOT NULL DEFAULT 'active' /* active | paused | ended */,
    "created_at" TIMESTAMP NOT NULL,
    "last_activity_at" TIMESTAMP NOT NULL,
    "closed_at" TIMESTAMP,
    "category_id" CHAR(36) NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT
) /* Help on offer: from a community member (anonymously, by codename) for now. */;
CREATE INDEX IF NOT EXISTS "idx_offer_status_category" ON "offer" ("status", "category_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS "area_neighbour" (
    "area_id" CHAR(36) NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE,
    "neighbour_id" CHAR(36) NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE
) /* Areas close enough that help from one reaches the other. */;
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_area_neighb_area_id_4c69b1" ON "area_neighbour" ("area_id", "neighbour_id");
CREATE TABLE IF NOT EXISTS "offer_area" (
    "offer_id" CHAR(36) NOT NULL REFERENCES "offer" ("id") ON DELETE CASCADE,
    "area_id" CHAR(36) NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_offer_area_offer_i_ae2d1c" ON "offer_area" ("offer_id", "area_id");""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "area" (
    "id" UUID NOT NULL PRIMARY KEY,
    "slug" VARCHAR(60) NOT NULL UNIQUE,
    "name" VARCHAR(120) NOT NULL,
    "group" VARCHAR(60) NOT NULL,
    "position" INT NOT NULL,
    "active" BOOL NOT NULL
);
COMMENT ON COLUMN "area"."slug" IS 'Stable short name used in forms and counters.';
COMMENT ON COLUMN "area"."name" IS 'The name people see.';
COMMENT ON COLUMN "area"."group" IS 'The coarse group used in public reports (privacy promise 6).';
COMMENT ON TABLE "area" IS 'A coarse place (a neighbourhood), never an address.';
CREATE TABLE IF NOT EXISTS "category" (
    "id" UUID NOT NULL PRIMARY KEY,
    "slug" VARCHAR(60) NOT NULL UNIQUE,
    "name" VARCHAR(120) NOT NULL,
    "position" INT NOT NULL,
    "active" BOOL NOT NULL
);
COMMENT ON COLUMN "category"."name" IS 'Coordinators'' own name for a custom category; built-ins are named by translation.';
COMMENT ON TABLE "category" IS 'A kind of need: the built-in ones, or one coordinators added.';
CREATE TABLE IF NOT EXISTS "counter" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period" VARCHAR(7) NOT NULL,
    "metric" VARCHAR(40) NOT NULL,
    "category" VARCHAR(60) NOT NULL DEFAULT '',
    "area_group" VARCHAR(60) NOT NULL DEFAULT '',
    "source_kind" VARCHAR(16) NOT NULL DEFAULT '',
    "value" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_counter_period_478ded" UNIQUE ("period", "metric", "category", "area_group", "source_kind")
);
COMMENT ON COLUMN "counter"."period" IS 'Calendar month, `YYYY-MM`.';
COMMENT ON TABLE "counter" IS 'An aggregate count, moved in the same transaction as the event (promise 6).';
CREATE TABLE IF NOT EXISTS "need" (
    "id" UUID NOT NULL PRIMARY KEY,
    "codename_hash" VARCHAR(64) NOT NULL UNIQUE,
    "urgency" VARCHAR(12) NOT NULL,
    "window_start" DATE,
    "window_end" DATE,
    "description" BYTEA NOT NULL,
    "contact" BYTEA,
    "preferred_name" BYTEA,
    "pronouns" BYTEA,
    "language" VARCHAR(8) NOT NULL,
    "status" VARCHAR(12) NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_activity_at" TIMESTAMPTZ NOT NULL,
    "closed_at" TIMESTAMPTZ,
    "area_id" UUID NOT NULL REFERENCES "area" ("id") ON DELETE RESTRICT,
    "category_id" UUID NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_need_status_created" ON "need" ("status", "created_at");
COMMENT ON COLUMN "need"."codename_hash" IS 'HMAC-SHA256 of the codename under a key kept outside the database (promise 3).';
COMMENT ON COLUMN "need"."urgency" IS 'now | soon | flexible | window';
COMMENT ON COLUMN "need"."description" IS 'What they need, in their words: encrypted (promise 4).';
COMMENT ON COLUMN "need"."contact" IS 'How to reach them, only if they chose to say: encrypted, erased when the need closes.';
COMMENT ON COLUMN "need"."language" IS 'The language they want to be answered in.';
COMMENT ON COLUMN "need"."created_at" IS 'Hour precision only (promise 2): never minutes or seconds.';
COMMENT ON TABLE "need" IS 'Something a community member asked for, known only by its codename.';
CREATE TABLE IF NOT EXISTS "message" (
    "id" UUID NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL,
    "author_role" VARCHAR(16) NOT NULL,
    "body" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "need_id" UUID NOT NULL REFERENCES "need" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_message_need_id_b498e6" UNIQUE ("need_id", "seq")
);
COMMENT ON COLUMN "message"."seq" IS 'Order within the thread (times are only kept to the hour).';
COMMENT ON COLUMN "message"."author_role" IS 'member | coordinator | organization: a role, never a person''s name.';
COMMENT ON TABLE "message" IS 'One message in a need''s thread; deleted with the need.';
CREATE TABLE IF NOT EXISTS "offer" (
    "id" UUID NOT NULL PRIMARY KEY,
    "codename_hash" VARCHAR(64) UNIQUE,
    "source_kind" VARCHAR(16) NOT NULL DEFAULT 'community',
    "kind" VARCHAR(12) NOT NULL,
    "capacity" INT NOT NULL,
    "capacity_left" INT NOT NULL,
    "available_from" DATE NOT NULL,
    "available_until" DATE,
    "notes" BYTEA,
    "language" VARCHAR(8) NOT NULL,
    "status" VARCHAR(12) NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_activity_at" TIMESTAMPTZ NOT NULL,
    "closed_at" TIMESTAMPTZ,
    "category_id" UUID NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_offer_status_category" ON "offer" ("status", "category_id");
COMMENT ON COLUMN "offer"."codename_hash" IS 'HMAC of the offering member''s codename; organizations'' pledges have none.';
COMMENT ON COLUMN "offer"."source_kind" IS 'community | organization';
COMMENT ON COLUMN "offer"."kind" IS 'goods | service | ride | space';
COMMENT ON COLUMN "offer"."capacity" IS 'How many times it can be used, and how many are left.';
COMMENT ON COLUMN "offer"."notes" IS 'Details in the offerer''s words: encrypted.';
COMMENT ON COLUMN "offer"."status" IS 'active | paused | ended';
COMMENT ON TABLE "offer" IS 'Help on offer: from a community member (anonymously, by codename) for now.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS "area_neighbour" (
    "area_id" UUID NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE,
    "neighbour_id" UUID NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "area_neighbour" IS 'Areas close enough that help from one reaches the other.';
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_area_neighb_area_id_4c69b1" ON "area_neighbour" ("area_id", "neighbour_id");
CREATE TABLE IF NOT EXISTS "offer_area" (
    "offer_id" UUID NOT NULL REFERENCES "offer" ("id") ON DELETE CASCADE,
    "area_id" UUID NOT NULL REFERENCES "area" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_offer_area_offer_i_ae2d1c" ON "offer_area" ("offer_id", "area_id");""",
}

_DOWNGRADE = {
    "sqlite": """
        """,
    "postgres": """
        """,
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXW1T27gW/isafymdSTs0UODSO3cmULqwW+AOpHdvd2fHq9hK4sGRXFkGclv++z2S32"
    "3Zcd6ogfRD28g6inMe6eg5L7K/GxNmE9d/2+MEG4fou0HxhMB/cu0dZGDPS1tlg8ADV3XE"
    "cY+BLzi2BLQNsesTaLKJb3HHEw6jsmcPWQxznyDPxRZBWxhR4ozGAxbwMWP26w58viUcYY"
    "qwbXPi+2/lwDazYGSHjpYYI6DOt4CYgo2IGBMOI/35FzQ71Cb3xI8/ejfm0CGunVOEY8sB"
    "VLsppp5q+/Ll7OMn1VPe38C0mBtMaNrbm4oxo0n3IHDst1JGXhsRSjgWxM4oigauG+kzbg"
    "rvGBoED0hyq3baYJMhDlypbuOfw4BaUstoEogAuxi+zheM4xF5G+HIMbXZxHTsf0W3nBE3"
    "zYvLvnl90jdNo4SavLUCCFGTxahE3KFCKvD7QzhuqijVasgvOD7tXW3t7L1WqmG+GHF1Ua"
    "nReFCCWOBQVIGRat93g1FZ/8djzPX6j/sXEIAbXY/uY/U0V6hxrZYO8seMCyR/Jwp8YiOH"
    "oiHjEx+mrg2TPKCCcM0CmFu6AJMxwfemS+hIjOHj3nYNbP/pXSnk9rYVcjCfrHDJX0RXuu"
    "qSBDAFTP07B2Bx/9UAFjekiKW2aAnI+mMS6tojzJPaJ6SMTFWnWgDedZsgAL0qIVDX8hiM"
    "OAu8eUBIBFqPQmT91Q0nM98LBq5jIU48WBQ+2vK4c4utKfI4mzjQe++1Hq1lBnvkZQVm01"
    "F6KKF6RoUe1KxIAVe463Xhur2m7QVuFv550323u797sLO3ewBd1F0mLfs1Oj+76BcUCkzF"
    "udVYqiPGXIKpXqWpUEGhA5Bal0bjPedx9+yjy8vPcuSJ739zVcNZvzBdv5wfnYBtUrMYOj"
    "mCpKqWdGp4k9nSZcMAWzd3mNtm7kpm7yDE9jWQRGKffrsiLq6Y0hHPuYAh2mOy5gUibY1w"
    "V3pkXValyPKlSXdSoduIJmsUfI7ptM/k32ran8FNYGrp5nnBK2gFn5I34yPLZWCcCWXBaI"
    "zEGAs0Jq6HhmC1EaME7Dm2xsSHSwQx6QNofIslBmqIZydSoVnhZnE5wYltllAz2VDhxrjC"
    "/YZM85dDvyOZF9F16ZtFl8SYy1+UtCaialFTULdLwgV83Ls+7n08ke1mCeA81yve3WZWlW"
    "bVfOt94fnha2ZHBv3ixChOnOVnh7JW2cnBhkOyEmNzKQdqy7xY2qJXIZz8yiLEEg8dukq/"
    "c637UCKO1zRHVW0rmOKRapI/96GT3Pcx9BwxPjU0waPkWqcugGRlezUIIt0AoIgNkWQLh2"
    "rlDQLHFW+Au8OS9DuIcbU2Lca47VAsGPdlMIjYunDSkqNtAkubwNJTM02bEJAx51w1jjOr"
    "/xVidzSM9IBJRhhZAayJCYrt2IfEgoCh4GFMyEaDKWCMqR86MGVLtJZvePzQ0yZOsYlTbO"
    "IULy9O0YT5z6OfhUl/WxW0ZCCnnoOH+R4tBY8u1TPwTKfZBJwiPAKiNQJQwkxTB03YbRg8"
    "l/zZl/uW2olwyB1x6B+TW0KFjKdXB+VXPLaGnP9peIQ7TK29CYEvttQ+mXVBpO+UJER88I"
    "EtYkovwfhrGWZ/5Iwqd0Att9fsfZGFbS+xDPe+f3S7Ozv73e2dvYP3u/v77w+2k02wfKlu"
    "Nzw6+0Va6Zw1j3fIamafAtyUgKYSrc5/HWPgbjbmsCSoGHfQ31/hz5vz8781bLK2ay0trA"
    "MkJoX7lZRwv0gI00XWFI1Uos1oLOht7Tbh3LvVlHu3xLiztqupirMyP9XrarEXm98Hmmo2"
    "L7XRrV632V11DuUWxJ6Hdt/tNfHC96qd8L2idm+xG+g8xhoGkoj8RAd8+ykQjzn8xXUy/n"
    "Pi+1j96BLjjy/VMv5JptNMxn9JCYoEJA/HKlb+ShJvMHb2BxSmEWx054ixYuPyepmTLD6M"
    "lsfTyIP2ybflmPkm5l5eUGuKuQNUJfVX2qSo9+NZpAUo+SW3CVczNnJQw8mMtoQDU10FZx"
    "l1p+iGeAIJprqMYRfT+L7LDbXuKGQAIHCTM3euyH5BrM18HkziZAAA/Mhm+uAT4yNMnf+p"
    "cNUhGC35W5IicwSeo88oGDGpqDKmKxrzkfnDgNkab+KEWnzqAUx9cl+xYmPBYtB5KojfHq"
    "RXEnX+fHmUizqDOo/OLnpXX7fOe/9Vup5Mo0ufLy9+iftnDebR1/5Jr+jMwZKXyX8sygB8"
    "hCvSFlS4dDnJAgJ2JPo2/s/zQqN/dn5y3e+d/zsHycde/0Re6ebQiFu3iisiGQT9ftY/Rf"
    "Ij+uPy4qQIW9Kv/4ch7wlsHDMpuzOxndVJ3Bw3FQqnAKn5uEhGZJWEpL2gzuAZJSKe125Z"
    "tZ8YJ86I/kaa1h09sxQNNHN8l3Di7ITSlgI9/BzPRmld49bEaFT7NDHssx2aazYhkmaNZG"
    "qdTSYAnZiiaLPG/g04IUPGO+iGyjy8Yl2DKXKED71tot/qVzTm7Hqi70aqSaBQWARKDRn7"
    "LwXIvScPv8EPTlSe+kD3pgI/FDYjSaXLaAUYagTQovrwsHGnWulOxRPHHGN/PFf4tyjY3q"
    "Im4/S8d/zm+rTXfb8ny/SEOrYT3j4KqK0Y8w2J3CIWCN+xieol1TbAPkmzgjsar2v1w9eH"
    "UnebhFJ3q0Opu0WyHnCAyZor+p8RabVHBpYSnCWfwdr9gYYuuXfkyccf4CPDer0rQTm7+4"
    "xyqEbVUDXFUEVowi+WZpZX0Hk9PkW5OjLfAK5oFbaMn+i0LLm5XodElyiYqUGizRO8KP1l"
    "v6SkwAYufUG+3Z698bs8oQHWeapix52oasTh6I5x2z9EJP7BqdXe1WwKiw/TgggCo0KS30"
    "XAzsguCPTjrBXjFEy9YOHpGwnNpBMyamcYwmaN5bEd6OHjaQauDoJ7l8d878aEJimG8JCP"
    "5qj92r7l588ScA6GhPP4mMkik6U8RKvnTJujfmBEKAuopmSyEQ6p8AaBBRFwMR0FUUK0KY"
    "3OyrSaR8tHHcQ3G1quO0xVDmlAEKb+HeGqwlL/kITGkrXs+qABuT6o5NYHpQKSJO7RuHYk"
    "kXjEshHmEVqOKSStKykfWbnb8vJyELDTBxzBhmY5MmIW7vIJteu+PoxycxOHBmBR5ZFAnw"
    "AqtpY0LDPUM855uNgXpjqY4ojpApNLJ/90ptiLTHMpyruQIckKrgDkp0NwnhzGmaPmTfMA"
    "GZFNKrOimntOlRbENmqtzxBX18zPnSXOPuPgaap2Zqa4MLly2eIrMCBXZ8d9o2QUVqDbRR"
    "8I80T0mrGDFTptchg1Kqld8rxlpmr4mWh7rScuw+OpmjKF5NxqdZ0CS7rMLFQ4lQ8bkl6E"
    "FDkMHzukKS/YwpTR6YQFvjvtyLKCOIX5Wj0/ALZujZ+y0qEXL1vI2JYGdQvhI2ziwoWM6d"
    "1ULrRt++20t3Kh6A6srXAhLilQ01bWBoWr6lVa9PMhVwzsv0KeS2yw5miMbwksL6opNVrp"
    "yI9crvDkTn4lFrG8wvKX8uinhjRf7l0Cs67jI9d9zwvK46OxwDIcMWb7si6E8FvHkvUgXJ"
    "bwQIOHQ+6Zg2N298eOxmL44miONTw4kxVp9ekZmWAFijVF4REXRyALU5lakM9i7qhHmY/j"
    "LvL8i0uGQp+mXWiUNZ+ZiWEw5RcuAF8i12YM5z2iuboTSbfYUb/VlNRVH2CsCD+VJJcsEG"
    "qbquerEErVEVDhuItpMhF9ybVWlAmdG94gh59ItjqBb3wkAgD344fxKO6pOGexLqpspOcT"
    "3RQEtGL6b1L42Ufp5TWcac8vkvACMEYPq1dK/IC5bYfHK3IroqbfJuHflhXwnDJ1mwT8i4"
    "N8k4B/ARhvMsabjHHLMpvNMsZrO2CcT0Q/txferAKtuV4yknmeb+MXjGTfTrHcKyhCi1eb"
    "je0R7lhjQ5OOja50al9gmvaZlZCtVv2K3wPxUh4Vu2Q4sDrDeAszVnvmrdq9zIg8Q++9+/"
    "59A78RelU6jupaIXbozfdwTK/1L5lctAp/u9G7FLZr3qWwXX6yK6OCUA13//X68qL6BF8k"
    "UmTtjiXQD+Q6/lPMHtQoVyojx9VjnSYBwIy6jzXhPznA0c9+tOPD/wHcBvbX"
)
