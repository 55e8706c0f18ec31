from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

_UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "stripe_event" (
    "id" VARCHAR(255) NOT NULL PRIMARY KEY,
    "type" VARCHAR(80) NOT NULL,
    "received_at" TIMESTAMP NOT NULL
) /* A Stripe event we applied, kept so a redelivery is applied once (written in the same */;
        CREATE TABLE IF NOT EXISTS "disbursement" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "amount" INT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "designation" VARCHAR(60) NOT NULL /* The fund it came from: "general" or a category slug. */,
    "paid_on" DATE NOT NULL,
    "method" VARCHAR(16) NOT NULL /* cash | gift_card | bill_paid | other */,
    "overdrawn" INT NOT NULL DEFAULT 0 /* Recorded past the fund's balance with an explicit override (also audited). */,
    "recorded_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "need_id" CHAR(36) REFERENCES "need" ("id") ON DELETE SET NULL /* The request it helped with; removed (set null) when the request is purged. */
) /* Money out, recorded by a coordinator: never who received it. */;
        CREATE TABLE IF NOT EXISTS "gift" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "frequency" VARCHAR(8) NOT NULL /* once | monthly */,
    "amount" INT NOT NULL /* Each payment, in the currency's minor units. */,
    "currency" VARCHAR(3) NOT NULL,
    "designation" VARCHAR(60) NOT NULL /* "general" or a category slug. */,
    "source_kind" VARCHAR(16) NOT NULL /* individual | organization */,
    "credited" INT NOT NULL DEFAULT 0 /* The organization chose to be credited by name in reports. */,
    "status" VARCHAR(12) NOT NULL DEFAULT 'started' /* started | processing | paid | failed */,
    "checkout_session_id" VARCHAR(255) UNIQUE /* Stripe's Checkout Session id (cs_...), to recognise its events. */,
    "subscription_id" VARCHAR(255) UNIQUE /* Stripe's subscription id (sub_...) of a monthly gift. */,
    "created_at" TIMESTAMP NOT NULL /* Hour precision, like every other time we keep. */,
    "organization_id" CHAR(36) REFERENCES "organization" ("id") ON DELETE SET NULL /* The pledging organization (organizations only); the gift stays if it is removed. */
) /* A gift started on the giving page: what, how often and to which fund; never who (R21). */;
        CREATE TABLE IF NOT EXISTS "gift_payment" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "stripe_ref" VARCHAR(255) NOT NULL UNIQUE /* What was paid: the Checkout Session (one-time) or the invoice (monthly). Unique, so */,
    "payment_intent_id" VARCHAR(255) /* Stripe's PaymentIntent and charge ids, to find the payment a refund or dispute is about. */,
    "charge_id" VARCHAR(255),
    "amount" INT NOT NULL,
    "refunded" INT NOT NULL DEFAULT 0,
    "disputed" INT NOT NULL DEFAULT 0,
    "paid_at" TIMESTAMP NOT NULL,
    "gift_id" CHAR(36) NOT NULL REFERENCES "gift" ("id") ON DELETE RESTRICT
) /* Money in: one paid one-time gift or one paid monthly invoice, with what went back. */;
CREATE INDEX IF NOT EXISTS "idx_gift_paymen_payment_31865b" ON "gift_payment" ("payment_intent_id");
CREATE INDEX IF NOT EXISTS "idx_gift_paymen_charge__0d6bd6" ON "gift_payment" ("charge_id");""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "stripe_event" (
    "id" VARCHAR(255) NOT NULL PRIMARY KEY,
    "type" VARCHAR(80) NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "stripe_event" IS 'A Stripe event we applied, kept so a redelivery is applied once (written in the same';
        CREATE TABLE IF NOT EXISTS "disbursement" (
    "id" UUID NOT NULL PRIMARY KEY,
    "amount" INT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "designation" VARCHAR(60) NOT NULL,
    "paid_on" DATE NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "overdrawn" BOOL NOT NULL DEFAULT False,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "need_id" UUID REFERENCES "need" ("id") ON DELETE SET NULL
);
COMMENT ON COLUMN "disbursement"."designation" IS 'The fund it came from: "general" or a category slug.';
COMMENT ON COLUMN "disbursement"."method" IS 'cash | gift_card | bill_paid | other';
COMMENT ON COLUMN "disbursement"."overdrawn" IS 'Recorded past the fund''s balance with an explicit override (also audited).';
COMMENT ON COLUMN "disbursement"."need_id" IS 'The request it helped with; removed (set null) when the request is purged.';
COMMENT ON TABLE "disbursement" IS 'Money out, recorded by a coordinator: never who received it.';
        CREATE TABLE IF NOT EXISTS "gift" (
    "id" UUID NOT NULL PRIMARY KEY,
    "frequency" VARCHAR(8) NOT NULL,
    "amount" INT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "designation" VARCHAR(60) NOT NULL,
    "source_kind" VARCHAR(16) NOT NULL,
    "credited" BOOL NOT NULL DEFAULT False,
    "status" VARCHAR(12) NOT NULL DEFAULT 'started',
    "checkout_session_id" VARCHAR(255) UNIQUE,
    "subscription_id" VARCHAR(255) UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID REFERENCES "organization" ("id") ON DELETE SET NULL
);
COMMENT ON COLUMN "gift"."frequency" IS 'once | monthly';
COMMENT ON COLUMN "gift"."amount" IS 'Each payment, in the currency''s minor units.';
COMMENT ON COLUMN "gift"."designation" IS '"general" or a category slug.';
COMMENT ON COLUMN "gift"."source_kind" IS 'individual | organization';
COMMENT ON COLUMN "gift"."credited" IS 'The organization chose to be credited by name in reports.';
COMMENT ON COLUMN "gift"."status" IS 'started | processing | paid | failed';
COMMENT ON COLUMN "gift"."checkout_session_id" IS 'Stripe''s Checkout Session id (cs_...), to recognise its events.';
COMMENT ON COLUMN "gift"."subscription_id" IS 'Stripe''s subscription id (sub_...) of a monthly gift.';
COMMENT ON COLUMN "gift"."created_at" IS 'Hour precision, like every other time we keep.';
COMMENT ON COLUMN "gift"."organization_id" IS 'The pledging organization (organizations only); the gift stays if it is removed.';
COMMENT ON TABLE "gift" IS 'A gift started on the giving page: what, how often and to which fund; never who (R21).';
        CREATE TABLE IF NOT EXISTS "gift_payment" (
    "id" UUID NOT NULL PRIMARY KEY,
    "stripe_ref" VARCHAR(255) NOT NULL UNIQUE,
    "payment_intent_id" VARCHAR(255),
    "charge_id" VARCHAR(255),
    "amount" INT NOT NULL,
    "refunded" INT NOT NULL DEFAULT 0,
    "disputed" INT NOT NULL DEFAULT 0,
    "paid_at" TIMESTAMPTZ NOT NULL,
    "gift_id" UUID NOT NULL REFERENCES "gift" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_gift_paymen_payment_31865b" ON "gift_payment" ("payment_intent_id");
CREATE INDEX IF NOT EXISTS "idx_gift_paymen_charge__0d6bd6" ON "gift_payment" ("charge_id");
COMMENT ON COLUMN "gift_payment"."stripe_ref" IS 'What was paid: the Checkout Session (one-time) or the invoice (monthly). Unique, so';
COMMENT ON COLUMN "gift_payment"."payment_intent_id" IS 'Stripe''s PaymentIntent and charge ids, to find the payment a refund or dispute is about.';
COMMENT ON TABLE "gift_payment" IS 'Money in: one paid one-time gift or one paid monthly invoice, with what went back.';""",
}

_DOWNGRADE = {
    "sqlite": """
        DROP TABLE IF EXISTS "gift_payment";
        DROP TABLE IF EXISTS "disbursement";
        DROP TABLE IF EXISTS "stripe_event";
        DROP TABLE IF EXISTS "gift";""",
    "postgres": """
        DROP TABLE IF EXISTS "gift_payment";
        DROP TABLE IF EXISTS "disbursement";
        DROP TABLE IF EXISTS "stripe_event";
        DROP TABLE IF EXISTS "gift";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztPWtz2ziSfwWlL7GrFJfjxI7Xudsq5zET38TJXOy52Ye3NDAJSTxThJYg7egm+e/XDY"
    "AUHyBFSpRE2ZwPE4tEA2A30Og3/uxNuM1ccXDuM9o7I3/2PDph8EfqeZ/06HQ6f4oPAnrr"
    "yoY0anErAp9aATwbUlcweGQzYfnONHC4hy3PicWpLxiZutRiZI8Sjzmj8S0P/THn9n4fft"
    "8zn1CPUNv2mRAH2LHNLejZ8UYr9BF6zr9DNgj4iAVj5kNP//wXPHY8m31jIvo5vRsMHeba"
    "KUQ4NnYgnw+C2VQ+++23i/c/yZY4v9uBxd1w4s1bT2fBmHtx8zB07AOEwXcj5jGfBsxOIM"
    "oLXVfjM3qkZgwPAj9k8VTt+QObDWnoIrp7/zEMPQuxTCZhEFKXwnAi4D4dsQNNR596Np8M"
    "HPuvesoJ8MHg85frwdWH68Ggl6MaTi1DBP3I4h5S3PECROCfP1S/c0TJpz0c4N3H8697L0"
    "/2JWq4CEa+fCnR2PshAWlAFagkxhz7wg1Hefy/G1PfjP+ofYYCMNH14D5CT3WE9q7k1iFi"
    "zP2A4HeSUDCbOB4Zcn8iYOnasMhDL2C+YQPUhs6QqTeh3wYu80bBGH6eHJaQ7X/Ov0rKnR"
    "xKysF6stSW/6zfHMlXSMA5weS/NQgWtW+GYNGDOcXmvGgFkl2PmcL1lPEpYp+xPGWKGpUS"
    "4MVRFQpAq0ISyHdpGox8Hk7rECEGaD0VNPeXE45X/jS8dR2L+GwKm0KQvanv3FNrRqY+nz"
    "jQ+mTfTK1VOtvwtgK26Ug85Kh64QVmoiZBMnSFWa+LrodrOl5gsvDP86MXr16/On158uoU"
    "mshZxk9el+D84vN1BqEgqTj3Bk71lnOXUc+M0jlQBqG3ALUujEZnzmbP7LdfvnzCnidC/N"
    "uVDy6uM8v1t8u3H4A3yVUMjZyAzVGN4tTwLnGk44Nbat09UN8epN4kzg7GbGEgiQb76Zev"
    "zKUFS1rLOZ+hi/awrLqEmD/VdJd45Ee8CJH5V5OjSQFutZhsQPAl9WbXHP8vl/0FTIJ6lm"
    "mdZ7SCVshTOBlBLJcDc2YeD0djEoxpQMbMnZIhcG3CPQb8nFpjJuAVIxx1AINusUJHFenZ"
    "1ygcFKhZPi5wZg9yVBvwoaQb9yXd79gs/VrpHfG60O9RN9OvgrGPXxQ/jUHlpvYA3S5TG/"
    "jd+dW78/cf8PkgR+C0rJedXbeqcquq3n5fen0Iw+pIUD+7MLILZ/XVIblVcnHw4ZA1wmy+"
    "YEdtWRcrc/QiCsdfmSUx0sNEXYnfWvteQUT2miWp6o+o5/yfPIUbIW6iv8dP48zHViZ1Aq"
    "4exZOA9Qkv5Qnq0ZF8hDj40Z+zpNB2gg/3TH513m44f9svtR5iuwGLGy40Iv6OTJgSWFfD"
    "IZmwyS3zie3YJODkYexYY2DJFvfts8gOCEreZALLJZjp1s8EeYAGUrNTGt2pQT1c3zCLTZ"
    "F/9uYCXM8CquEaoUEPm7FvUzRqyt2nIeeGym8DhU4NIxGtt1tPwgJu5Y8ftaydb51RoZJp"
    "tHca1Eu9LVq7lbV6+Zejo5cvXx8dvjw5PX71+vXx6WGsZ+ZflSmcby9+RkUopTBFSmiJtR"
    "OX26CexTkJs4LdWSO7ZQrRUtbktJJvspkUW8LmEG02hVVf1imz1KsqZqlXxWapVzmzlOKC"
    "Ckk1sJwBe4SoPnpVAdVHrwpRja+MqDYxh4WINnKHx4DmlycV0Kx5hQnN+CqN5sR5m8Pze3"
    "gTOBNmxnUaMoNsW4MeRH/sIOpLUH19cfnh6vr88teUyfD9+fUHfHMkn84yT/eyZIk7Ib9f"
    "XH8k+JP848vnD1lGH7e7/kcP50TDgA88/jCgdhIn0ePoUR2b5Ipmt1LB+R1QfMT9mUlsjt"
    "+VCs1WslUFt/sdLBjChwTtq2fSVnEbOm7w3PHQiCH6hPvSmmFxYBaORwPuC3SfM9vkgF+x"
    "t84V37ni14L7jR06T9Fp3qu5VnvvErv/GeEPnvKND7lUlkPYExMS8bE3MQcBRuErL7pNbm"
    "dAY+oJ5fLJc6K1jLB5Z33n2e08u51n9+l5dqv4SurgZ2k3SVsRtFYZXEXIGUVw/apcAk80"
    "WiyAe4SOQNAaAVFUbF6fTPi9CjdC+VnguSVPImV+IlR5FKVZfG5ANoUxNdy3QTj/Z2/KfI"
    "fLvTdhMLAlz8mkCoK+hziETPDQt9gAtYTev1aR7Duz86bMznMCVxVA5xBtNir13lGQ3Wzq"
    "w5bwgnGf/PF3+O/55eUfBmmytGmpWFhGkEgofF0oEr7OCoTzTVaVGnOINlOjNUbrJO+qiu"
    "IkzFa1rhZrselzoLLHJQXV4daM2+SpWgO5GbDHgd0XVYz+L4qN/i9yRv976oYmjbFEAolB"
    "tqiAH+6C4NESq/t7R9yGvmCTgoCV1PtS2d/OtlyoAFxyj80ID0E2Vw45ZXuiSRN5FEnyMO"
    "bYiDlShg/ygsqqnXX29x21v9MJqnc1zIRzgM3xqPXrSo3ZCa3Q95ln1RMDEzCPUNZ+WcWb"
    "XuxMzx6rMCdn5FGzdbsYyRmwNuNZppEBy0HuSizpfvD55Izc6Pm5Nz2i/BFafyDoFTNnoy"
    "3Xzabz0IChDkzkxNiIAlvBHKQsKKI9RG2Cz2OQQ16vH9ezsswhWr0HLCrG5DsZOcNgYIGg"
    "Bn/fOq47QMLD3zIvIrfiqwJtWBPgIDbZPn0wrPBS/1EKboMupPhJkl4FYujXSFycUhFIIz"
    "CynGeC3IKc5FmMPDjBGCsnsG9T17GAFeFX+Y6NdRZcwYmMLma2wQzdbNcb82Xl4+uYPbid"
    "1YzAzUN2cbhdUN0TCapL5wMyc4Bq8d5JgLR+00gpzWcwBPA4R6UCAstD1vYGniu3255gge"
    "x7H7RvpnxwMYwg09AfGcLqmt58OaNLmkh5Cv3EfQZC9y+sauJWRXf8zlOm4a6rZ5CBMBGb"
    "YJLbJJW+Bfggn3/79Ell9GzeqvYziG89gzVNPu+XWdFGUYsK8avYFlOxfFhmhCv0jpx7IB"
    "DIGyN2BkinQZ+M+QPhwwDwj0Vw4kwtlETeJAxie1+PXpg86WsZ5sa78S4CQZTRiYBs6+hs"
    "Yc+dwU/mBQ7g2idXMJEpw7cwJPS9p/30f0xdZo8YEP8PAvoARfNQ1USyzpDXSkPeULKGmp"
    "anFFCr1UGO8v535Ud3Z7l9ln9dquKdVtDwTgsVvNOcj/JxGlF7HyiwoCmdoVOiH8X+RNZK"
    "0MMmjsd9ggmqhppidYE7w2xnmG05nnt1LbDtM7Xumst/CSJBdyBf2XC8o8kvUx0hRZ7Slh"
    "u2EVo+k8aqmibCJFhLLYSo6ySRS6wx1r8BGfcWDgQ9f/Q2y0wLOCh0lTyz1rR0T1ux/4Hg"
    "H4SGGOySnRZDbDCuRusneYk3+SJN1Uil+Y41DC2sHgEaDfxQlvYhdVwNliRgVaAFCTOV8m"
    "VK0mVye2/MrDseBgOhqmDUzIcuAF+KflnTxpqKxaJaCDLYOz1zcqVmjqrkniUGBwcH+33c"
    "V2iFHnkYyw1imgrvNpaPXbm/8rz34+Mqie/Hx8WZ7/guszXD2xgpNQluAN0BYidnLQkDDy"
    "RlMO+WRrqTNFiUkLhuL5sn7NPzC/Q+gngGLJVZDu66PnGdO5mMAYKm9HkSnC95YOSOsWme"
    "uPXBH7G/wVAXq6pNywC6G/4HaQ7EszglXe2l6rJJ4+L+G23AVEbNmSDOEA3YjojM1tv0Qm"
    "RF+BW9ETXLyD0Seq1lgCU9FIYNVdtTkQwzksaoFVMi0Qvxq+qpPSdAuxMjkygr8OskMFru"
    "3hlMEy0rBkk73pksHiL1DPjjuTzP5JrVZUXkm0h2cbx77ljQm4wvQf8MnH1eQBAZRaHTTQ"
    "/R+WF21A8jpKA88JmheHGZ1p+Eam9xE1XC8oEKuZxVoZ6c0rcXrf99XPvYRC93sqfX//4B"
    "+U1Os08Ez+2oNYxx48Vpy5p/aNuQLtjxwLUySvZ0Pwc4eJ/Mf0mogQgtizGb2TjuDaDWdU"
    "BOhl6CBxxcJkvjyWhVuKZjLdpPNFEYUv5TLwPXBNyIaps/9hrVbfXxcSHnra6rgY8cwaqw"
    "hTQ8DLG+FK6BiPwUFoAMjuZYg1VMw0D6yektrLIS9XcNA21BQ5ZTrm3lSgC1d00s6QtbC5"
    "4fqV94a8k1aiOZfCSFGE2C7HRSZWNI1DyoDhKTIB0S1UHpLGNgTIDtjnXxSUYdS1WzniaV"
    "AGlSnWovUZc31EVxmisa6KKA0N1E6ULrV2JBpaxeX2F1f714d72t+NwL794JqP7qnDUn8b"
    "ZfZsxx0u0qROzGZhXX8e7OVE1GL22hBAEcRnRnsl6sLtrIXZfRUSjjBP6Xq4Kypkjdprvv"
    "TDg7asIJ+B3zBmMqxnX0ozRUe004y1afqVJ7/qS49vxJrvZ83Ri0nQg+S/tLJLPA4niS2a"
    "HR6Ht078ue5BUZBrOfY0sN9Lf5QDbpRK+d8ZgDbL3vdMMJj+zb1IG3S+gdachO9Wi16oF3"
    "Bi9B4wRYAwTenQ20c/R9YgEm29U0n0JISOOK56Kwi+h+vy3pn5c0sMY9g+qpXvTLtM5J3K"
    "SCwokJsuiE9HVurhSvsCL2GcYvw0I0VEnrE2pZbCqzPX1iMwu0Se1kHDOD1tn4GDeezCbG"
    "RtoTFd8diIRHlxRoqmKMNxbAW8fHxwFgQg0f30err52tebOgYenoiHaEWnDRoCTOALoYzK"
    "Pgow3Y6y9/12CnOjcrkpbeNbgD+Q5L6HXxXvw+33vf51vvOxmG7tBxXfm3hYeIa0qAWL6b"
    "DadERBOtr8blITsRJaMhK347kDy4dsJXDrjFaV/aNkEBGRgig0dLMHaEPl/IhM6IYNljyG"
    "YBddyC9K+Ve9xKGtjTS0l4kpod8HHHXorMachOf28zlbdWkGqHtm6N01AqO3XtIAmY1ksX"
    "Km0ZZ/xGQsvo0NTl7vIlBgXCZLW+h+mRY+7aWgvbGDGelm2q9wuI4MqRa2E6MpGpvELFHK"
    "c9vyhpzKULoJVU3PdwzLM8MfOloDZo89psMbaWcqWlq5/Fxq0ck2rCfljxPrXd5ExN9Les"
    "yTJxIhSkiBXxucdqFt4gc1vzUI/UjA2IojIuNW/I1q/6pabsRKOFxuwvHurOEgALo1CJ9m"
    "dYDRAUTPsNUVixIxswk+/zdF6+G+MlgNFJJdi/V7vWr7PwNisRllh4gVQ59BdGjuvWbc5m"
    "6H3xbayuCStWF6lTi5nsoaqtbnaWdTXvkMcFXDYZ89DEBlfrat1XGIdABH/gc7fWteAZsF"
    "Zb6bV18HvSWZYp7YWHDH5LX1dVpWTKfME9YGKIqDxNG+pzw1FYt9w2lDr84Fn+DJ0O1+xb"
    "wY6NALNW5VnARHso3QQTfPvpy9uUzQnQ+fbi8/nXv+9dnv9tP2V4+vTl889R+yTDfPv36w"
    "/nnbG3MwN2ZsDOhtE4Sle3YWxHs5FYN6g1ETWKdZqI7IsVmiuOFxlhiZqk0hi5B8UdKCFD"
    "jJS5g/3rKalLGxssGNZ81DfUZ82QmXkERIL/V4iWkcRXwAMNKXHZBcy0jM2VqVPRwqmdbp"
    "IDbG/GSe/j5fm751cfz4+OT7BKoCwErqdPMDsbJeY7ptUiHgYCr3DCVoi2WyoY2Zv6fIJl"
    "I18atK7mu99wJgze5FGzNHkCpNUaGXBKUJYEh737nQxd9s2B8eHPBxgHBKssKRc333AclB"
    "p4IAvXmsV5M32ycCteUrg77nzDHYUaF8yU7rUQg8yY9PWk8JccJIfACip9Br7dmr2q/gTc"
    "eSZtx9HNEY5PHrhvizPCog+ec+1XhkNh+W5aYEFQcWtLETsBuyShN+Sd+gisXlaExntCgD"
    "STvr6+aKjIFtd2F3SWIFc/ch3Gd2JJB5LlQmtDzODaRtn+KgHlYMh8H5QA+WSZxZLvotVr"
    "ps1WP2AiHg89Q+x7JTrMgTsKLEkBl3qjUDtEq4rRSZhWy9EYWRFNVnGuB6oyeW4ZoZ54kE"
    "UIHc8ck1EZcpO3Zu1GrkiPT5mXtynET5uorbCGGy2enA8iU8RenfKxaHe0f6Z9cxPHC4Gj"
    "YuKcYEAV2yg0rNLVI/Z5uFQEA5AunXsnmC2xuEzwu7PEnqSbS4q8SzGSJGCX0dBmGlPg+T"
    "VdmQmQzpWZPXz1JX9169+kwTq0lnuII3TlUVzbS/wu0dVuonahpzizuArqCWaZQgO4Pdfd"
    "PFK8Jvhg7RqNqZq8t6EvWAPXk7xPdNWaU7Xh++5XuOYkucJluQm2Ir7jmiOPZIGnMaRCvV"
    "dF0TxQ/TEiaexgLILhHKqDIwyN+Tjv6LHgad1RRhHKCoKNEhgtjzkaJIi4OPZI+pbG0CPD"
    "oh1YFFY7mTADJhEmjG4mdasIluLBCGERhQhLLxRaDnDWBhPEeobokjAeR9TQo0vCqG44bT"
    "gpQm6eOjboGKDV7gJcT9E9y+UFh3RNsFzxodCbgDj2XcpoNoi8GJBzcJBnVGsdqfzKlipx"
    "WEfFcVhHuTgsYPrLJMikoFq9LCrksuBPzLyUzcQMiDvJ0Xz5brZUi/jpuEGepP2yS8XoUj"
    "G2bQhqaSqGKjhhUI/iShTFilFc9GKxRvSRuVPC48ql1OPebMJD4c7I0OcTUz7FXhSjvS9v"
    "05A3Dutap17eI9ts/zde8qxaMWkjYVmtkLWhClVEaRsJw3OXt9E2nlimgW05byNrtl1b2k"
    "aUUCGXLWZGJYoJqw95k5L7xDO90wQZ03tGPONlO432vOFkjcAJ6ukHMcAGg5bym8lA31/D"
    "W9expHkIiUFjHimYfy9vpx7qu3Vtx2eo5czypFy2kwUBUYeVIqIOS0KiDnMlbeVMB6XR9C"
    "UhmkborZK0fPdqwiSerkzkZfuqoXp8+Nt1SuuIKGoODY2aJ1bAO4wWzeSfMHbnzgZYaMPg"
    "yfivqy+fCzJQMnBZLdCx0GzhOmJthrTECXobOm7geOIAx6t7WPZ+l59CMGoRWa38JDzPbu"
    "CEm91Ai8PnJ31yI8MaBf6+6X38eHZ5edPDpyrsPfX4x78MNus1DVJ9+SAty5dPdqVkTn7s"
    "ILt8cLoD+ALD2ik0uaZgWnVlqnTF4srG2aEv1hGSYn28VuoWc5n3LrkHL8l/khf70AOcy9"
    "QTcNwStR8UXcke9WYEmhlSbxof4caT9cVumczcTG5LIjiRblxccBb1yBB2CQj/sGFwYI9c"
    "/fenTdTWcbmlyox5PFguFSPXQ6vzAHq/g47EpCtf+qjEAZFnhBjjnRQYLytd+PFHqdPzjf"
    "ZMKR+WNwRqeoFDXThHqGX2gq1plBZkK6QnnV8zpVXgDdDtLAPfSMJIc4XY8fCsXXJ/DtRO"
    "HPc+yQnqFEcy1cJaJIKRvZRhPlKicP9EWyVTdVEYmPqaxtjKKvA42vNsR6qVNRdDDralaw"
    "IPYUUGgsYmJlTpTeClFvV9h8nzdv4l8/yG1wUn+iqdbYXKAgQEiw3qXjOaAdughhfvkLx0"
    "n36VpvR8Y6VdcDkqljXcsGPuUd79OuLcFujuVNow/OWjvAoPptTK3/21uPmmk8YoDKzXWE"
    "U9JwnS5vgSmQc+QYVCVeKUnMvDDEi8NlNdlTaOmmCZTpcNA3M2+VK9rFn9iMgwwAGXIF8M"
    "12Yabi1GiN5TR37rAH1NefQW1zDJQ65Yx6RtqK5XyGSOjhA0Mnc5TMagT7kkDBoJlis1EE"
    "O2277wXl3ZFekbOpbomciVb8kz6XqgLbAEPOK6BUsmxD/NSgMyMZrlhf/E8/QmUS8w9pKG"
    "KvKSQf/5WydL2nV1CdqyAx5TQF5XJ+DJkbyrE/AEaNwltneX7u0CdkuimZ/CzV+NBzdXvk"
    "nLxC0awHJXoKFGMYGNprXv5kWFm81iTtfUMBDmknqza47/X3NRjXWECTexE+RnDTIZCtFH"
    "+rhYoxKlZzotQWGR+5IAd2wWYVdvn5g2+lXyeshg7PNwNJ4/jiqdGFkaPB/k0PyjPOcieS"
    "aYUi8yZ0ZJBka25cJEjHOPUNd1MD4mdUGVdthPfT508KKqB+7fiTFjgS4BKZT3AvcMLj4b"
    "46nkJX6hISxnXYMszsHosiFamQ1hLkBcbF4rqDbcKtNlMrK9T8QYr3zRJuVE2Itczx7x2Z"
    "T7gYhrS1s+s1Xk44382JueIapiHQNsPqx+yXj6rQXSLxXsGNWSlwdGvpi8YnxlRegXA245"
    "SF7nNxSWni/ezHnIVhPzJx8m+tzmKjoUp5zPWiB70UWOqQDSKOrSsJcb67W85MFhlQ0MrY"
    "qLHhzmNnDkS6rlIEkBtS2x6VNU7hozyYQu9E89GWmD9xb3peJA4feUyhkawh2X6mLz3Fed"
    "A3UoN4fYpGsrStg1eLdSrzK3B2FW2fd5uu+ZDK+JzkK8Rlyfg3izQ56I9cE37A7bEcfklE"
    "lZPU+75ItMARr1BrE/BX3gXnodRSimZg/l4uabvvcpUl3yxClJGEsCtSNbDIetnS2G1haP"
    "P1fkEQk1bm/qO/fUmpF5fO8ZkRUacVC8Y+35XzEU+DuZMSFL+4jQN+T/rmOALWeJxd8wKI"
    "jNKRaFDaAtzis992bqjsz5XRLJenRYqw7vxyT0loeBlnZhXcrtjcrMPEzcZFhotO8ti9Qe"
    "H+gVPkBhwQkmxlpji9INzH20N+1gRtRMMV0k0AoQ0Ik6tjlbwMgelupkK2kGjnfv1M8pSk"
    "C1lJIXaoayYEqq0BdMasxQtQFxGE5rd4a7L/SQY5sD8lbqaUsJQoEzdHSKHZtQU6xqiXXL"
    "CN1InY+1GTgwzxJky+GQJGcvyIiTPS7bUeiUw/vQc5kQ5Ory+lc0P0lVdgSHsB3fi1JsDV"
    "nTKJvXmbs4tt5TCHixmeXYS5E5DdmFNbWNyrkIkSqe9ZEzXLU8/8/OsGVl+WVeJx68qQze"
    "VD6vcjvsv5HmTEQCMnGs7TDU5R10Cf8mi/NLAYkWZejWwPhF3FFr8L6yyzyFqccY7yHrfa"
    "ABHUsJgxwAH2jdiTOV0JFcp1I3QEueYHi7IaxFeVHrHo55lo8QyVvuV0C8znJfDfFxHcZW"
    "IL7hlSkruq2IoCuUF38TjwpJXUBRqwKKkkedRGb1uKJ8YGQyvCj5tukoI7kvrlSl0Z4hyi"
    "j1vl8WZSQ1soFINF0cZkSEM/KY/dzxtEIXV2/U/fTJHfJwrgIapNvMVwKExfmdw2Rono5n"
    "oCTgd8xwd+36hulCjXY01EiSsHbV1TRUM9b1tdRcvfp4/vzo+CQqjqoWMSx3RS61gFGuAW"
    "q6zCOIplsqGPqmnwVytxDg+txjxrugG+99w7VXgQfUy5ONAVodkjKlQmBAEF6BhiZt6BUD"
    "RoAMjusSO2T7MmXT5y7Zm4QCKMECEk7J9ZfrX/fVbRpu3qXaUKddhmjLxMmdtbnkMkRBZ/"
    "OWzQ5NwHakbjWplXhZT2pKwnT5guUZbRJXeeTWTrKqo2i3FLELs6yS66pN13TMcV+kyUWE"
    "WaTGhaLqnR3nSV9sn1B7AloWCAgp+5rSt7ThDZWoKeNTl6m0DWpZPAQKmBS3RvvutLUd1d"
    "ZwNdZNDknCtFdTW7KyzUkVZ/RJsS/6JH+tgZbza+vEOcBW60jUH3HvyLH75Mvv51e/Egy7"
    "ngDz9hPVRk8Ngfk14MrDCI6Pq4QRHB8XhxHguzTt6l41uBOXDCpmX3Y5YJ5IlUA2XKM04M"
    "EU1AxQKw0aSoVKaxn4dtdbQ62fqMn25xXS3kijgEy2xkNa36wlg3H8iZDuNdsU3rtiZ9uv"
    "ySZpl4huX474iQ7aTf1zTS1dLM8mdiivZAKCPQ+nfYzWIjMWRMQyBfkt10VLKK0sCgGbGl"
    "yVzqiwfGoedqn6qRsM9sDJSgufrGBLcNrxbb19vExD7UJt8NWFbUnw4FgFUfyrdmgu3fqX"
    "o6OXL18fHb48OT1+9fr18elhXMM1/6qsmOvbi58xujPF8/PhnrYjkBR1Y3iTYO0M4m1C+m"
    "8yVFrAjCe8JpoTUO3Ecu89TC9WWNWFlH9M6B0jfuj98Yb4bChXPYg4IHHaodT1THVLl+xl"
    "K7QcUseVxvaATaamqLhCrmmAbNcNSVfOyHsuM7V9HgQunmJT5kekMXjVFrdf//VDd4DSkq"
    "rKJdb0DGwXq9pmY3rnHnsSZO5KAnYlAdvtSalcErBKYL2ILszOS4Z1I0UTEW+7yb8ajxZd"
    "4HiCmbIP90wOZ3A9zV/3y51P2HDA4pYV3E+qcyJhyAOTKYAOqo0ypE/qjj6DkZx75s8wzU"
    "A3UDakvQcf00PjmklCuwwyVonmB7nx4Ms8QZXLhgpZz4wNh8wK9tfhrSo2Bxu5++77SBo0"
    "tZfEESK6auA6at9m0/uS+D6t4pM6LfZJneZ8Uj6zGGyoZcTUDGgnp7ZOTq2ROrfOk+uc+Y"
    "41Nh1a+k3peUXnbRadVMWEbZjRF1pMjHzeYCTRLLu9bL4Rs0cxT4cjXBhl+GK2ngB5hJx9"
    "LU5r3FQ1MKybP0LsvqhUWeBFSWWBF4bKAtwLjGViistOJUA2X3RqOwdlYyWctnqY/fh/+p"
    "Q1Yg=="
)
