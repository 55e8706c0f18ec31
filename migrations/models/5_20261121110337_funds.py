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
    "eJztPWt327ixfwVHXyKfo/gkTuKkzr09x3nsxm2cbGPv3W7rHgUiIYk1RagEaUfd5L/fGQ"
    "Ck+ABpUqIkymY/dGMSA1AzwGDe80dvxm3misNTn9HeCfmj59EZg3+kng9Ij87ny6f4IKAj"
    "Vw6k0YiRCHxqBfBsTF3B4JHNhOU788DhHo48JRanvmBk7lKLkT4lHnMm0xEP/Snn9sEA/r"
    "5hPqEeobbtMyEOcWKbWzCz403WmCP0nP+EbBjwCQumzIeZ/vkveOx4NvvGRPTn/Ho4dphr"
    "pxDh2DiBfD4MFnP57Ndfz979JEfi942GFnfDmbccPV8EU+7Fw8PQsQ8RBt9NmMd8GjA7gS"
    "gvdF2Nz+iR+mJ4EPghiz/VXj6w2ZiGLqK79z/j0LMQy2QWBiF1KSwnAu7TCTvUdPSpZ/PZ"
    "0LH/rD85AT4cfvp8Obx4fzkc9nJUw0/LEEE/sriHFHe8ABH4xw817xJR8mkPF3j74fRL/9"
    "nxgUQNF8HEly8lGns/JCANqAKVxFhiX7jhJI//t1Pqm/Efjc9QAD50M7iP0FMdob0LeXSI"
    "mHI/IPg7SSiYTRyPjLk/E7B1bdjkoRcw33AAakNnyNSb0W9Dl3mTYAp/Hj8pIdv/nX6RlD"
    "t+IikH+8lSR/6TfnMkXyEBlwST/61BsGh8MwSLHiwptuRFa5DscsoUrueMzxH7jOUpUzSo"
    "lABPj6pQAEYVkkC+S9Ng4vNwXocIMUDrqaC5v/zgeOfPw5HrWMRnczgUgvTnvnNDrQWZ+3"
    "zmwOjjAzO11plsy8cK2KYj8ZCj6pkXmImaBMnQFb56U3R9sqHrBT4W/vP46Onzl89fPTt+"
    "/gqGyK+Mn7wswfnZp8sMQkFScW4MnOoN5y6jnhmlS6AMQkcAtSmMRnfOdu/sN58/f8SZZ0"
    "L8x5UPzi4z2/XX8zfvgTfJXQyDnIAtUY3i1Pg6caXjgxG1rm+pbw9TbxJ3B2O2MJBEg/30"
    "1y/MpQVbWss5n2CK9rCsuoRYPtV0l3jkR7wIkflXs6NZAW61mGxA8Dn1Fpcc/19u+zP4CO"
    "pZpn2e0QpaIU/hxwhiuRyYM/N4OJmSYEoDMmXunIyBaxPuMeDn1JoyAa8Y4agDGHSLNSaq"
    "SM+BRuGwQM3ycYMze5ij2pCPJd24L+l+zRbp10rviPeFfo+6mX4VTH38RfHTGFQeag/Q7T"
    "J1gN+eXrw9ffcenw9zBE7Letmv63ZVblfVO+8r7w9h2B0J6mc3RnbjrL87JLdKbg4+HrNG"
    "mM1nnKgt+2Jtjl5E4fhXZkmM9DBRV+K31rlXEJG9ZkWq+hPqOf+Vt3AjxE3Md/9pnPmxlU"
    "mdgKtH8SRgfcJLeYJ6dCIfIQ5+DJYsKbSd4P0Nk786bzdcvh2UWg9x3JDFA+80Iv6GTJgS"
    "2FfjMZmx2Yj5xHZsEnByO3WsKbBki/v2SWQHBCVvNoPtEiz06EeC3MIAqdkpje6VQT3c3D"
    "J3myL/6C0FuJ4FVMM9QoMeDmPf5mjUlKdPQy4Nld+GCp0aRiJaH7eehAXcyj9+1LJ2vnEm"
    "hUqm0d5pUC/1sWjtUdbq5Z+Ojp49e3n05NnxqxfPX7588epJrGfmX5UpnG/OfkZFKKUwRU"
    "poibUTt9uwnsU5CbOG3Vkju2UK0UrW5LSSb7KZFFvClhBtNoVV39Yps9TzKmap58Vmqec5"
    "s5TiggpJNbCcAbuHqD56XgHVR88LUY2vjKg2MYc7EW3kDvcBzc+OK6BZ8woTmvFVGs2J+z"
    "aH53fwJnBmzIzrNGQG2bYGPYz+sYeoL0H15dn5+4vL0/NfUibDd6eX7/HNkXy6yDztZ8kS"
    "T0J+O7v8QPBP8o/Pn95nGX087vIfPfwmGgZ86PHbIbWTOIkeR4/q2CTXNLuVCs5vgeIT7i"
    "9MYnP8rlRotpKjKrjdr2HDED4maF89kbaKUei4wWPHQyOGGBDuS2uGxYFZOB4NuC/Qfc5s"
    "kwN+zdk6V3znit8I7rd26TxEp3mv5l7tvU2c/keE33rKNz7mUlkO4UzMSMTHXsccBBiFr7"
    "zoNhktgMbUE8rlk+dEG1lh+876zrPbeXY7z+7D8+xW8ZXUwc/KbpK2ImijMriKkDOK4PpV"
    "uQSeGHS3AO4ROgFBawJEUbF5AzLjNyrcCOVngfeWvImU+YlQ5VGUZvGlAdkUxtTw3Abh/J"
    "+9OfMdLs/ejMHClrwnkyoI+h7iEDLBQ99iQ9QSev9aR7LvzM7bMjsvCVxVAF1CtNmo1HtL"
    "QXazqQ9HwgumA/L1d/jf4/PzrwZpsnRoqVhYRpBIKHxZKBK+zAqEy0NWlRpLiDZTozVG6y"
    "TvqoriJMxOta4Wa7Hpe6CyxyUF1eHWjNvkrVoDuRmw+4Hdp1WM/k+Ljf5Pc0b/G+qGJo2x"
    "RAKJQXaogD/ZB8GjJVb3d44Yhb5gs4KAldT7Utnfzo68UwE45x5bEB6CbK4ccsr2RJMm8i"
    "iS5HbKcRBzpAwf5AWVdSfr7O97an+nM1TvapgJlwDb41Gb15UasxNaoe8zz6onBiZg7qGs"
    "/ayKN73YmZ69VuGbnIlHzdbtYiRnwNqMZ5lGBiwHuSuxpPvB57MTcqW/z73qEeWP0PoDQa"
    "+YORtttWm2nYcGDHVoIifGRhTYCpYgZUER7SFqE3wegxzyev20npVlCdHqM2BRMSXfycQZ"
    "B0MLBDX498hx3SESHv4t8yJyO74q0JY1AQ5ik+3TW8MOL/UfpeC26EKKnyTpVSCGfonExT"
    "kVgTQCI8t5JMgI5CTPYuTWCaZYOYF9m7uOBawIf5Xv2FhnwRWcyOhiZhvM0M1OvTVfVj6+"
    "jtnD0aJmBG4esovD7YLqHkhQXTofkJkDVIvPTgKk9YdGSmk+gyWAxzkqFRBYHrK21/Bcud"
    "36ggVy7gPQvpnywcUwgsxDf2IIq2v68OWMLmki5Sn0E/cZCN1/ZVUTtyq64/eeMg1PXT2D"
    "DISJ2ASTPCap9C3AB/n068ePKqNn+1a1n0F86xmsafL5oMyKNolGVIhfxbGYiuXDNiNcoX"
    "fi3ACBQN6YsBNAOg0GZMpvCR8HgH8sghNnaqEk8jphEOt/OXpq8qRvZJkr78o7CwRRRicC"
    "sq2js4U9dwF/Mi9wANc+uYAPmTN8C0vC3H3tp/86d5k9YUD8rwT0AYrmoaqJZJ0hr5WGvL"
    "FkDTUtTymgVquDHOX978qP7i5y5yz/ulTFe1VBw3tVqOC9yvko76cRtfeeAgua0wU6JQZR"
    "7E9krQQ9bOZ43CeYoGqoKVYXuDPMdobZluO5V9cC2z5T6765/FcgEkwH8pUN1zua/DLVEV"
    "LkKR25ZRuh5TNprKppIkyCtdRCiLpOErnEmmL9G5BxR3Ah6O9Hb7PMtICLQlfJM2tNK8+0"
    "E/sfCP5BaIjBLjlpMcQW42q0fpKXeJMv0lSNVJrvWMPQwuoRoNHAH8rSPqaOq8GSBKwKdE"
    "fCTKV8mZJ0mdzZmzLrmofBUKgqGDXzoQvAV6Jf1rSxoWKxqBaCDPZWfzm5UF+OqmTfEsPD"
    "w8ODAZ4rtEJPPIzlBjFNhXcby8euPV953vuLF1US31+8KM58x3eZoxmOYqTUJLgBdA+Inf"
    "xqSRh4ICmDebc00p2kwaKExHVn2T5hH55foPcBxDNgqcxy8NQNiOtcy2QMEDSlz5Pg95Jb"
    "Rq4Zm+eJWx/8HvsbDHWxqtq0DKD74X+Q5kC8i1PSVT9Vl00aFw9eawOmMmouBHHGaMB2RG"
    "S23qUXIivCr+mNqFlG7p7QayMLrOihMByo2p6KZJiRNEatmRKJXohf1EztuQHanRiZRFmB"
    "XyeB0XL3znCeGFkxSNrxTmTxEKlnwD8ey/tM7lldVkS+iWQXx7vhjgWzyfgS9M/A3ecFBJ"
    "FRFDrd9BKdH2ZP/TBCCspDnxmKF5dp/Umo9hY3USUsb6mQ21kV6skpff1o/x/g3scheruT"
    "vt7/B4fkV/mZAyJ47kRtYI0rL05b1vxD24Z0wY5brpVR0tfzHOLiA7L8S0INRWhZjNnMxn"
    "WvALWuA3IyzBLc4uIyWRpvRqtCm46NaD/Rh8KS8j/1MnBNwI2otvlrr1HdVl8fZ/K7Vbsa"
    "+JET2BW2kIaHMdaXwj0QkZ/CBpDB0RxrsIp5GEg/OR3BLitRfzew0A40ZPnJta1cCaD27o"
    "kVfWEbwfM99QvvLLlGHSSTj6QQo0mQvU6qbAyJmgfVQWISpEOiuiidVQyMCbD9sS4+yKhj"
    "qWrW06QSIE2qU+0l6uqGuihOc00DXRQQup8ovdP6ldhQKavXF9jdX87eXu4qPvfMu3ECqn"
    "91zpqTeDsoM+Y46XEVInZjs4rreNcnqiajl7ZQggAOK7oLWS9WF23krsvoJJRxAv/mqqCs"
    "KVK36ek7E86emnACfs284ZSKaR39KA3VXhPOqtVnqtSePy6uPX+cqz1fNwZtL4LP0v4SyS"
    "ywOJ5kdmg0+h71felLXpFhMAc5ttTAfNsPZJNO9NoZjznA1vtOt5zwyL7NHXi7gt6RhuxU"
    "j1arHtgzeAUaJ8AaIPD+HKC9o+8DCzDZrab5EEJCGlc87wq7iPr77Uj//AsffQmNuqd+My"
    "jTO//NR0M/rKh0fsZ2rKGnYhuFNWV26DIb9LzRgFig88iC/ww0QQxoVWmeggiuurrCE4BV"
    "3sDXAC8zdh+JnIy3iUWuPJ/fop8J42xltbZ5cEjeRu5Jd7Gs5qadrYq8he1U/omIw3fC5U"
    "FXg7k9pRAHJZqsJllVDUsPb7WChdFp8J2PRJzk8ZfPby7MUWwF47ZcGVgemBpUiMa3ngwR"
    "qyL4xcCNMOYP2Bj8B01jfZnv6YPaOgbdQ4YQHwxUFpzOW5cWE21G0xw5R8KG17jyohSU0Y"
    "JMKSbXK0yROfBCyXFV4j0sIDnjjF4zQbAht/oCyacrRXdsoC8i9VbQC5ZQ+6P3dQHtDeob"
    "Y8dzxLR2ZmESrJ2ZhU1oFg3m+qnYrzyW/3Lx+VOBxSuGyB5NxwrId9i2YmP+rYQBX3axcj"
    "xxiMvWtdWraD1ZmwZYo40xcyBMql8GSL5SXXquYOSzAbnqzZgQINXLB0+PBuTw8PBHQaPs"
    "9eesvg2QRqltEPHh/vnp37Ms+u3Hz2+yBxUneNOewtTnNLCmPYOGpF6UKkizeEgFnxxSAu"
    "M0fV2+SFqgsWnQCaZ4AoYMhaSBmpbF5rIgjg96h+U6no7DnDKDY67xNa48WXAJB+lgvbi9"
    "Om4ZjNoLOBFTbOoGbx0fHweACbW81LvUDKs0Xzdo1zrpF6Hu6MUuiTOEKYbLROGIa/QGqX"
    "bsyJsSy0bVniovEtX0Kpi+c1620nm5HxnnK4iE8VH/vjza35cn+zsZh+7YcV35bwvNeK4p"
    "BX31abaclB59aH1HWh6yMxJnRTXJzoeSxdcuuZEDbqd4LPVn7R2mgAxMUlByFSi36voC9X"
    "ZBBMvecjYLqOMWFOBYe8bdCOcPLin8QfrWgI879kpkTkN2HtQ2U3lnJYH36OjWuA2lLlXX"
    "E52Aab10oQpH4Re/ltDSgiv1xdkMCxAu1Es0+sLHanUSHWdT7tpaydsaMR5WdEDvryCCK/"
    "u8hQWhiCymJFTWZzr2VpnjI+kCaCXtAn1c8yRPzHwx3i1GHWy3HHZLudLK9afj8IIck2oA"
    "p1U7Wu8nZ2pivlWDRhI3QkGRjiI+1wRZ2xiYs0XmtuGl7mcg0blyHPRMdnL9alBqKU8Mqh"
    "RKpAEwGoFKtD/CeuygYNqvo/ibyMTM5Ps8nVefxhjUE91Ugv1nvaCezsLbrERYYuEFUuXQ"
    "XxhQpUe3OZ+899m3MRINdqwuE642M+mjqi0IumFkZ4Nr5HEBl0OmPDSxwfWm2nDWMCi1U+"
    "4Pfe4a+gKXNLNOg7XaSq+tg9+TvrhMcWW8ZPC3DHQEIsXYG8E9HaqVp2lDc245D2bEbUOx"
    "+fee5S/Q6XDJvhWc2Agwa1VeBEy0h9KNBF9oR3pscwJ0vjn7dPrl99jtHhuePn7+9PMbg+"
    "P9ze+X7087Y29nBuzMgJ0No3GUrm/D2I1mI7FuUGsiahTrNBHZ71ZoLji2ksUioUmlMXIP"
    "imtQQsYYiHMN59dTUpc2NliwrPmqb2jOmhE5ywiIBP+vECcjia+AhxpS4rJSPI7lclFvJQ"
    "VRskKnsLVSYYu2Zu2SAjnA9lYV6H04P337+OLD6dGLY0xkkoH5+vMJVuBCmfyaacWLh4HA"
    "Nr04CtE2ooKR/tznM2wN8Myg1zU//ZarHWBaVs32UwmQVut8wItBHRMczu53MnbZNwfWh3"
    "/ewjogumVJeffwLUdaqYWHMjPErDCY6ZOFW7MR/f4EDBj60GtcMFNJjzsxyIyFPR4U/pKL"
    "5BBYwWiQgW+37SCO719I63TUHdDxyS33bXFCWPSDl1z7ueFSWH2aFtgoVGTcSsROwK5I6C"
    "35vz4Aq5ddfzB/DkgzG+gWtWNFtrh/l6CLBLkGkXMy7nssXVRS/jVEJW5sld3vElAKxsz3"
    "QfiXT1bZLPkpWr1n2mxXBCbi8dAzRNdXosMSuKPAihRwqTcJtcu1qhidhGm1HI2xG9HHKs"
    "51S1Uq0ogR6olbWWje8cxRH5Uht9kZeT+yUXp8zry8TSF+2kT9vA10LXxwXo5MXre65WPR"
    "7uggqmkyc7wQOCpm/gkGVLGNQsM6U91jr4pLRTAE6dK5cYLFCpvLBL8/W+xBOtKWpui6jC"
    "QJ2OVMtJnGFHh+TWdpAqRzlmYvX93IvW6N0zRYh9ZyH3SErjyKa/uh3yam2k/U3umLzmyu"
    "gprxWabQAG5P9TT3FK8JPli7Dn+q78oo9AVroAXlu8RUrblVpRLqM1hCyKqEMh9YxSG/jn"
    "qBkr5ggZz7YGl1i2GEKl5Ys4VsvpVlcofLUhZsTXzHRVPuyQZPY0hXz1kTRctQ+PuIpKmD"
    "sQiGe6gOjjD45sNyovuCp03HMUUoKwhnSmC0PKppmCDi3dFN0rc0hRkZlgXBxh/ayYQ5No"
    "lAZHQzqc6RWEsIY5BFFIQsvVBoOcCvNpggNrNEl+ZxP6KG7l2aR3XDacNpF/Lw1LFBxwCt"
    "dhfgfpJViu4saaSLmuXKG4XejAUy8iaY2iDyYkDO4WGeUW10pfK2nFXisI6K47COcnFYwP"
    "RXScFJQbV6W1TIlsE/MbdTDhMLIO4sR/PVp9lRv5mH4wZ5kPbLLtmjS/bYtSGopckeqqSF"
    "QT2Ka10UK0ZxWY27NaIPzJ0THpdepR73FjMeCndBxj6fmTI2+lGMtqrKPgdhYKKLtebLvT"
    "c8/5WXvKvWTAtJWFYrZGuoUhhRYkjC8NzlbbSNJ5ZpYDvO28iabTeWthElVMhti7lXiWrI"
    "6oe8Tsl94pE+aYJM6Q0jnrGhaqMzbzlZI3CCevpBDLDFoKX8YTLQ95dw5DqW6oEi+wtFPF"
    "Iw/8axmDI2yUQZx2eo5SzypFx1kjsCoqo0yIBRJSFRuRYZc/mlw9Jo+pIQTSP0Tklafno1"
    "YRJP1ybyqnPVUD3e//0ypXXkau2nQkOj4dkC/Jn8E8au3cUQS3nUasGQhWtHIwZcr34jBv"
    "lTCEYtIquVPwnvsyu44RbYG+HJ42Nsl4ADZK+Eq96HDyfn51c9fKrC3lOPf/zLYLPe0CI7"
    "aNWQqkYGnzuEX2DYO4Um1xTM9gyvT7Lb4kl+K6ArFnc2fh36Yh0hKSbbaIwwW7p/zj14Sf"
    "6XPD2AGeBepp6A65ao86DoSvrUWxAYZki9aXyFK09WMBsxmbmZPJbY6k66cXHDWRR7PbkB"
    "CP9wYHBhj1z87eM2qve43FKFzDwerJaKkZuh1XkAvd9AR5ItB5WPShwSeUdgUyAVLytd+P"
    "GPUrfna+2ZUj4sbwzU9AKHunCPUMvsBdvQKi3IVkh/dH7PlNaZN0C3s9B8IwkjzZV6x8uz"
    "dlH/JVA7cdz7KD9QpziSuRbWIhGM9FOG+UiJwvMTHZVMXUdhYOobWmMnu8DjaM+zHalW1t"
    "wMOdiW7gm8hBUZsCsspilELWEt6vsOk/ft8pcs8xteFtzo60y2EyoLEBAsNrx2THnnJUlG"
    "abAtanjxCclL9+lXaUovD1baBZejYtnALTvm6hJl+9RYQSaacG4LdHcqbRj+5aO8Cg/m1M"
    "o3L7t7+LaTxigsrPdYRT0nCdLm+BKZBz5DhULV+pScy8MMyFBgVBUGT02jIVgI1GXjwJxN"
    "vtIsG1Y/IjIMccEVyBfDtZmGO4sRojfUkb91iL6mPHqLa5jkIdesY9I2VNcrZLJERwgamb"
    "saJmPQh1wSBo0Eq5UaiCHbbV94p5qCRfqGjiV6JHLlW/JMuh5oCywB97huwYoJ8Q+z0oBM"
    "jGZ54T/xPH1I1AuMvaShirxkMH++r2XJuK4uQVtOwH0KyOvqBDw4knd1Ah4AjbvE9q6t3z"
    "5gtySa+SH0Fms8uLlyry4Tt2gAy12BhhrFBLaa1r6frRC3m8WcrqlhIMw59RaXHP9/w0U1"
    "NhEm3MRJkD9rmMlQiH6kj5s1KlF6otMSFBa5LwlwzRYRdvXxiWmjXyUbUAZTn4eT6fJxVO"
    "nEyNLg+TCH5h/lORfJO8GUepG5M0oyMLIj70zEOPUIdV0H42NSLbC0w37u87GDrbBuuX8t"
    "powFugSkUN4LPDO4+WyMp5JtAkNDWM6mFrk7B6PLhmhlNoS5AHGxea2g2nCrTJfJyPYBEV"
    "NsKqNNyomwF7mfPeKzOfcDEdeWtnxmq8jHK/ljr3qGqIpNLLD9sPoV4+l3Fki/UrBjVEte"
    "Xhj5YvKK8ZUVob8bcMdB8jq/obD0fPFhzkO2mpg/+fChj22uokPxk/NZC6QftYpMBZBGUZ"
    "eGs9zYrOUlD55UOcAwqrjowZPcAY58SbUcJCmgtiU2fYzKXWMmmdCF/qknI22wM/JAKg4U"
    "/p5T+YWGcMeVptg+91X3QB3KLSG26dqKEnYN3q3Uq0z3IMwq+75M9z2R4TXRXYiNyvU9iJ"
    "0d8kSsD75ld9ieOCbnTMrqedolX2QK0Kg3iP056AM30usoQjE3eyjvHr7tvk+R6pInTknC"
    "WBKoHdliuGztbDG0tnj8sSKPSKhx/bnv3FBrQZbxvSdEVmjERbHH2uM/Yyjwd7JgQpb2Ea"
    "FvyP/dxAI7zhKLf8OwIDanWBQ2gLY4r/TUW6gunMteEsl6dFirDjtwEjriYaClXdiX8nij"
    "MrMMEzcZFhqde8citceHeocPUVhwgpmx1thd6QbmOdqbdrAg6ksxXSTQChDQiTq2OVvAyB"
    "5WmmQnaQaOd+PUzylKQLWUkmfqC2XBlFShL/ioKUPVBsRhuK3dBZ6+0EOObQ7IW2umHSUI"
    "Bc7Y0Sl2bEZNsaol1i0jdCN1PjZm4MA8S5Atx2OS/HpBJpz0uRxHYVIO70PPZUKQi/PLX9"
    "D8JFXZCVzCdtwXpdgasqFVtq8zd3FsvYcQ8GIzy7FXInMasgtrahuVcxEiVTzrE2e8bnn+"
    "n51xy8ryy7xOvHhTGbypfF7ldjh4Lc2ZiARk4ljbYazLO+gS/k0W55cCEi3K0K2B8bN4ot"
    "bgfW2XeQpT9zHeQ9b7QAM6lhIGOQB+oHUtTlRCR3KfSt0ALXmCYXdD2IuyUWsf1zzJR4jk"
    "LfdrIF5nua+H+LgOYysQ3/DOlBXd1kTQBcqLv4p7haQuoKhVAUXJq04is3pcUT4wMhlelH"
    "zbdJRRXAnni/Rn9AyBRtkhg7JYo3k0eOgvR98db0Rm3AumjwRgnnpiDr/SsxbaxzLA4qz/"
    "ZZ4q0xMvcEIQ/+goDT35X9D/sVqI1OvyNsGmV7gCJRMfOgZz8/HBJgKR3jiTwhRsYyiSIe"
    "9ab+zWHkaddP2no6Nnz14ePXl2/OrF85cvX7x6Emdf51+VpWG/OfsZ7TIppSAy1BQHIs2Z"
    "7/BalSWWEM3Y3DdSifUtdZlnU18dhQH5+jv87/H5+de8kaV8aKmlpIwckZ3kZaGV5GXWRj"
    "LitiH2u9gNEo1vdfSIamSGrIewb8AZ3QVWtYsZD+lb6G12LOoS9BKBziQjBtD4GTAp0eI/"
    "zB6xhubdsdcDw1+YF6xQGDkN1+ptcPHh9PHRi2OsgvoV9+3XKICPR33rJCkFJyCDcY/J2B"
    "GpxEidZG6osdrMlFsuhrwUGuqbyLKwnS10n61ka6o0paKuVAEvVFF9k5ybel8q5Ernw1Ak"
    "hlaQcIUz8Zj92PG07yIuVK7nGZBrNFfocyr5sq9sZRbn1w6TWSg6dJeSgF8zz+D63tgyXV"
    "T9nkbVSxLWvkfTUC0WahMX3nITw3ZX5FIbGE14QE24wQiiaUSFvPceBfK0RDehYzhPjc++"
    "5ZsVeEC9kjAxQKsFpzkVAmPfsdsvRm/ArBgbDWRwXJfYITuQ1Ul87pL+LBRACRaQcE4uP1"
    "/+cqAax7k5Wjc1aVcMpROcNlQMRTBgyisWQknAdqRuNamVeFlPakrCdKUxyos3SFzlkVu7"
    "nkAdn1JLEXtnQYHkvmpTR7ol7os0uYgwd6lxoajanu40GXY4INSegZYFAkLKlaz0Le1jRi"
    "VqzvjcZSpDmVrSl2CKWW527k5b21NtDXdj3TzoJEx7NbXqPqC0TlQl7vK4OOzyON/BS8v5"
    "tXXiHGCrdSTqT7h35NgD8vm304tfCGYYzoB5+4nC+q8MOag14MojZl+8qBIx++JFccQsvk"
    "vTrm5X7b3op62YfVkf7DyRKoFsuRx/wIM5qBmgVho0lApFhTPw7S4tjFo/UR87WBYDfi2N"
    "ArKuEF7SuomsjDv3Z0K6WGyT327NyXZffljSLpHIuRrxExO0m/qnmlq6LrRN7FB2HwWCPQ"
    "7nA0xMIAsWRMQy5bOsNkVLKK0sCgGb52ldFqaSh12pVcAW45rxY6WFTzZrIPjZMpoUN/NA"
    "ulHlKdQGX93DgQS3jlXgnl93wh0GzCQyGhyBpKibrpYEa2e+WhPSf5NZgQK+eMZrojkB1U"
    "4s997B58UKq+q9/nVGrxnxQ+/ra+Kzsdz1IOKAxGmHUtczlehfcZad0HJMHVca2wM2m5sS"
    "QAq5pgGyXc1AL5yJ91gWJfJ5ELh4i82ZH5HG4FW7e/zmO21eA0pLGoiUWNMzsF1aVpuN6Z"
    "177EGQuat+vUUHSlf9epPVr6vkkOpgriaSohIRb/vJvxpPjLrD8QRfyt7fMM+YLJN8PSh3"
    "PuHAIYtHVnA/qcmJhCG3TFa7cFBtlCF9Unf0Gazk3DB/gRm1eoCyIfVvfayEEpcHFdplkL"
    "FKNL/IlSdzbqhy2VAhS/ey8ZhZwUYSZYrNwUbuvv8+kgZN7SVxhIiuGriOxrfZ9L4ivl9V"
    "8Um9KvZJvcr5pHxmMThQq4ipGdBOTm2dnNqS+PdT5jvW1HRp6Tel9xVdjrnrpiombMOM/q"
    "GkQ65p9ijm6XCFC6MMX8zWEyD3kLNvxGmNh6oGhvXwe4jdp5WKaD0tKaL11FBES2X85TFc"
    "XGE1AbL9+qq7uSgbq1a608vsx/8D8nwt/g=="
)
