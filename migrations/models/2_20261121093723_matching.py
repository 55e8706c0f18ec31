from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

_UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "match" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "status" VARCHAR(12) NOT NULL /* proposed | accepted | declined | fulfilled | cancelled */,
    "proposed_by_id" CHAR(36),
    "contact_shared" INT NOT NULL DEFAULT 0 /* The member agreed that this helper may see their contact details. */,
    "created_at" TIMESTAMP NOT NULL,
    "decided_at" TIMESTAMP,
    "need_id" CHAR(36) NOT NULL REFERENCES "need" ("id") ON DELETE CASCADE,
    "offer_id" CHAR(36) REFERENCES "offer" ("id") ON DELETE SET NULL /* The offer; null once a community offer is erased by its holder. */,
    "organization_id" CHAR(36) REFERENCES "organization" ("id") ON DELETE CASCADE /* Kept for access checks: the organization that may see this need (null: a community offer). */
) /* A need paired with an offer: proposed by a coordinator, accepted or declined by the */;
CREATE INDEX IF NOT EXISTS "idx_match_org_status" ON "match" ("organization_id", "status");
        CREATE TABLE IF NOT EXISTS "need_history" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL,
    "event" VARCHAR(24) NOT NULL /* posted | proposed | accepted | declined | consented | fulfilled | unmet | withdrawn | ... */,
    "actor_role" VARCHAR(16) NOT NULL /* member | coordinator | organization | offerer | system */,
    "created_at" TIMESTAMP NOT NULL,
    "need_id" CHAR(36) NOT NULL REFERENCES "need" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_need_histor_need_id_3c6fb6" UNIQUE ("need_id", "seq")
) /* What happened to a need, for coordinators: events and roles, never words or names. */;
        ALTER TABLE "offer" ADD "open_days" INT NOT NULL DEFAULT 0 /* The weekdays it is open, as bits (Monday = 1): 0 means no weekly hours (any day). */;""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "match" (
    "id" UUID NOT NULL PRIMARY KEY,
    "status" VARCHAR(12) NOT NULL,
    "proposed_by_id" UUID,
    "contact_shared" BOOL NOT NULL DEFAULT False,
    "created_at" TIMESTAMPTZ NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "need_id" UUID NOT NULL REFERENCES "need" ("id") ON DELETE CASCADE,
    "offer_id" UUID REFERENCES "offer" ("id") ON DELETE SET NULL,
    "organization_id" UUID REFERENCES "organization" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_match_org_status" ON "match" ("organization_id", "status");
COMMENT ON COLUMN "match"."status" IS 'proposed | accepted | declined | fulfilled | cancelled';
COMMENT ON COLUMN "match"."contact_shared" IS 'The member agreed that this helper may see their contact details.';
COMMENT ON COLUMN "match"."offer_id" IS 'The offer; null once a community offer is erased by its holder.';
COMMENT ON COLUMN "match"."organization_id" IS 'Kept for access checks: the organization that may see this need (null: a community offer).';
COMMENT ON TABLE "match" IS 'A need paired with an offer: proposed by a coordinator, accepted or declined by the';
        CREATE TABLE IF NOT EXISTS "need_history" (
    "id" UUID NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL,
    "event" VARCHAR(24) NOT NULL,
    "actor_role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "need_id" UUID NOT NULL REFERENCES "need" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_need_histor_need_id_3c6fb6" UNIQUE ("need_id", "seq")
);
COMMENT ON COLUMN "need_history"."event" IS 'posted | proposed | accepted | declined | consented | fulfilled | unmet | withdrawn | ...';
COMMENT ON COLUMN "need_history"."actor_role" IS 'member | coordinator | organization | offerer | system';
COMMENT ON TABLE "need_history" IS 'What happened to a need, for coordinators: events and roles, never words or names.';
        ALTER TABLE "offer" ADD "open_days" INT NOT NULL DEFAULT 0;
        COMMENT ON COLUMN offer."open_days" IS 'The weekdays it is open, as bits (Monday = 1): 0 means no weekly hours (any day).';""",
}

_DOWNGRADE = {
    "sqlite": """
        ALTER TABLE "offer" DROP COLUMN "open_days";
        DROP TABLE IF EXISTS "need_history";
        DROP TABLE IF EXISTS "match";""",
    "postgres": """
        ALTER TABLE "offer" DROP COLUMN "open_days";
        DROP TABLE IF EXISTS "need_history";
        DROP TABLE IF EXISTS "match";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztPWtz2za2fwWjL7Fn5IzjOLbXuXdnnEcb38ZxN3Zvt7vpqDAJSbymAJUg7Wib/PeLA/"
    "ABkiBFUpRE2+yH1CJwQPAc4OC88ddgxmzi8udnHsGDU/TXgOIZEX+kng/RAM/nyVN44OMb"
    "V3bEUY8b7nvY8sWzMXY5EY9swi3PmfsOo9DzDFkMe5yguYstgnYwosSZTG9Y4E0Zs3eH4v"
    "cd8RCmCNu2Rzh/DgPbzBIjO3SywhgBdf4MyMhnE+JPiSdG+vfv4rFDbfKV8Ojn/HY0dohr"
    "pxDh2DCAfD7yF3P57Jdfzt/9IHvC/G5GFnODGU16zxf+lNG4exA49nOAgbYJocTDPrE1RN"
    "HAdUN8Ro/UjMUD3wtIPFU7eWCTMQ5cQPfgv8YBtQDLaBb4AXaxeB33mYcn5HlIRw9Tm81G"
    "jv33cMoa+Gj06fJ6dPX+ejQa5KgGU8sQIXxkMQoUd6gPCPzruxo3QZR8OoAXvP1w9nnn5d"
    "GuRA3j/sSTjRKNg+8SEPtYgUpiJNjnbjDJ4//tFHtm/Ef9MxQQE10P7iP0VEfo4EpuHcSn"
    "zPMRfCcKOLGRQ9GYeTMulq4tFnlAfeIZNkBt6AyZBjP8deQSOvGn4ufRfgnZ/vfss6Tc0b"
    "6knFhPltryn8KWA9kEBEwIJv9fg2BR/3YIFj1IKJbwohVIdj0lCtdzwuaAfULylCnqVEqA"
    "FwdVKCB6FZJAtqVpMPFYMK9DhBig81QIub+ccLzy58GN61jII3OxKTjamXvOHbYWaO6xmS"
    "N6H+2aqbXKYBveVoJtOhIPOaqeU99MVB0kQ1cx63XRdX9Nx4uYrPjf3sGLw+PDk5dHhyei"
    "i5xl/OS4BOfnn64zCBWSinNn4FRvGHMJpmaUJkAZhN4IqHVhNDpzNntmv7m8/Agjzzj/05"
    "UPzq8zy/WXizfvBW+Sq1h0cnySoBrEqfGtdqTDgxts3d5jzx6lWrSzgxCbG0gSgv3w02fi"
    "4oIlHco5n8QQ3WFZdQmRPA3pLvHIDlgRIvNNs4NZAW5DMdmA4AtMF9cM/pXL/lxMAlPLtM"
    "4zWkEn5CmYDEeWywRzJpQFkynyp9hHU+LO0VhwbcQoEfwcW1PCRRNBDHQAg26xwkAV6TkM"
    "UTgqULM8WODEHuWoNmJjSTfmSbrfkkW6Wekd8boI20E3C5v8qQdfFD+NQeWmpgLdLlEb+O"
    "3Z1duzd+/h+ShH4LSsl51dv6pyq6refm+8PrhhdWjUzy6M7MJZfXVIbqUvDjYek1aYzSUM"
    "1JV1sTJHL6Jw/JVZEgM9TNSV+K217xVEZK9pSFVvgqnzH3kKt0JcbbzHT+PMx1YmtQZXj+"
    "I6YH3CS3kCUzyRjwAH34cJSwpsx39/R+RX5+2GSeuw1HoI/UYk7rjUiPgrMGGMxLoaj9GM"
    "zG6Ih2zHRj5D91PHmgqWbDHPPo3sgELJm83EcvEXYe9nHN2LDlKzUxrdiUE9XN9rlpsi/x"
    "okAtzAElSDNYL9AXQjX+dg1JS7L4RMDJVfRwqdIYxEdLjdBhJW4Fb++F7L2vnGmRQqmUZ7"
    "p0G9DLdFZ7dyqF7+7eDg5cvjg/2XRyevDo+PX53sx3pmvqlM4Xxz/iMoQimFKVJCS6ydsN"
    "xG9SzOOswKducQ2R1TiBpZk9NKvslmUmwJSyC6bAqrvqxTZqnDKmapw2Kz1GHOLKW4oEJS"
    "DSxnwB4hqg8OK6D64LAQ1dBkRLWJOSxFtJE7PAY0vzyqgOaQV5jQDE1pNGvnbQ7P70SL78"
    "yIGddpyAyy7RD0efTHA0R9Caqvzy/eX12fXfycMhm+O7t+Dy0H8uki83QnS5Z4EPTr+fUH"
    "BD/Rvy4/vc8y+rjf9b8GMCcc+GxE2f0I2zpOosfRozo2yRXNbqWC81tB8QnzFiaxOW4rFZ"
    "otvVcFt/utWDCIjRHYV0+lreImcFx/z6FgxOBDxDxpzbCYYBYOxT7zOLjPiW1ywK84Wu+K"
    "713xa8H9xg6dp+g0H9Rcq4O32u5/htg9Vb7xMZPKciD2xAxFfOx1zEEEo/CUF91GNwtBY0"
    "y5cvnkOdFa3rB5Z33v2e09u71n9+l5dqv4Surgp7GbpKsIWqsMriLkjCJ42FQugWudlgvg"
    "FOGJELQmgigqNm+IZuxOhRuB/Mzh3JInkTI/Iaw8itIsnhiQTWFMLY9tEM7/PZgTz2Fy78"
    "2IeLElz0ldBQHfQxxCxlngWWQEWsLg91Uk+97svCmzc0LgqgJoAtFlo9LgLRaym409sSWo"
    "Px2iP34T/+1dXPxhkCZLu5aKhWUEiYTC40KR8DgrECabrCo1EoguU6MzRmudd1VFsQ6zVa"
    "2rw1ps+hyo7HFJQfW4NeNWP1VrIDcD9jiw+6KK0f9FsdH/Rc7of4fdwKQxlkggMcgWFfD9"
    "hyB4dMTqfk7vHB+HaMoJ/VprqdzvpPtVsL0zSvbA34Nch96eKusURXpgDsSUiDe6C2k5D8"
    "1XzHUJngQEGv+PKdO6yRjf9vC9df6BWud9dkvoaIr5tM75kIZ6fJb6Kl74o2Iv/FHOC1/3"
    "AN78ydtATUqxix3JLMBMIJkdsXfRtygCbkfyigyD2c2xpRbG27AAEPnubxY1o69ygH0IVh"
    "qz5OvcEa0N4inSkH08RefiKXQyQ/ZkAxprYC0Q+OFsoAdHX0MIelUWaQDtmaRBLzIjO4/p"
    "H5hHnAn9iawpx6KbGDYlWXj4PtZDTMvMmOnwfTv65wX2renAoHqqhmGZ1jmLu1RQOMHViu"
    "ZYHJ02unf8qRSvwDd4CinsYiGqwAesx2cNEbYsMhdLAnREm1hCmwzjI6bEoHW2/o4vFPLq"
    "CHSitvRPxVkUQHhwVQlNlU8hdkO0Oh489gUm1OvjzLwwAa9mjoVh6Yg95Qe8SsqFJM5IDD"
    "EKYYbtZF30qnO7Imlp1kVIt8pm1Rii03pdvBe/JXvvW7L1vqFx4I4d15V/W3CIwN+5/d58"
    "mCXRVJWCqUpiqXKhVOFE66txecheRMloyIrfjiQPNnnry6Kr8sAbjLKKn+i4LTg+r+OTB2"
    "GBDGKro8WfOjw8X9AML6C0T+YYsomPHddQr6mVETcW3NVnQjw5zU7wccduROY0ZK+/d5nK"
    "ILHXPBM1kDZlze4StcZpqBdfqGwH0WA6L13Ic0vO+LWERkyIdak0d9mIxCkmJhvqe44vzj"
    "Tm2nXLoKxKjKdlmxr8JERw5cgV0jgXGvKUWLdcpWKlPb8gaSTShaCVVNx34J2neWLmw0s3"
    "aPOixCRV1rZ1PbIo8WHGyKXxZLNxK8ek2rAfVowsf5icqY3xmpostRMhRU7x6ejTLx8/Dg"
    "r53GM1C2+Qua35VY/UjC0QhWXsWN6QHTYNS03ZWqelxuxLCrqzBIB0BizR/gzyF4SCab9G"
    "Cit2ZAMmsj1P5+bDGNMhopOKkz9XS3DoLbztSoQlFl5Bqhz6C0M7w96bC+xswCYvPXH2yB"
    "Ub5vmoxYx2QNVWOa6Mugt0CzzOZ7LLlAUmNrjaUOtO5gwEEbyRx9xaCdIZsE5b6UPr4Dfd"
    "WSZ+6QcBHDLwLfHtBmhOPM6oYGKAqDxNWxpzw1FYN8w2JGW8p5a3AKfDNflasGMjwKxVee"
    "ET3h1Kt5K8+/HyTcrmJND55vzT2effdi7O/rmbMjx9vPz0Y9RfZ5hvfrt+f9Ybe3szYG8G"
    "7G0YraN0dRvGdjQbiXWDWhNRo1inici+XKG5YjMCYtbEUDAUYX4rlJAxRMrcUihnIqWu0N"
    "hgideaj/qWxqwZMpNEQNQrUCqJr4DbLlPaq1ObUqeihVM73SQH2N2Mk8GHi7O3e1cfzg5e"
    "HUG1M1/eF6OmjwJqS4n5loRqEQt87tjShY8AbTeYk6S4wkuD1tX+8BvOhAk8QSarVhK1Bt"
    "JpjUxwSqEscSb27jc0dslXB67c+iZ0ZLFf73OkXN59w3FQ6sXAZr0Ccd5MnyxcmTDfGYtx"
    "G7wQZHMzDokp3WspBokx6etJ4U9/SQ6BFVT6DHy3NXtVLl5w54W0HQ/D4juOp2rAnyISfX"
    "DCtQ+Lqs43GqYDFgQVt9aI2BpsQ0JvyDv1QbB6n6lrX4A0s6GSqJ2xIps1hftiIFQdLzRy"
    "DSPX4f2U0NjFoG6XMcQMru0t218lQjkYE8+LLr1osljyQ3R6zXTZ6ieYCGWB6SKXSnRIgH"
    "sKNKSAi+kkCB2iVcVoHabTcjREVkSTVZzrHqtMnhuCMOX3xJOF6swxGZUhS6XrkwrC9Umh"
    "bH2Sq8PzIHJFBmxOaN6mED9tpQpP62rL0/NBiJM+8JA40CwHLGbqlI9Fu4Pd09A3N3NoID"
    "gqJM5xIqhiG4WGVYZ6xD4PF3N/JOv7Ov6iweIywT+cJfYk3VxS5G3ESHTAPqOhyzTWbryr"
    "6gfQQHpXZkFRzLr1b9JgPVrLPcTFpUdre4n1q2IeJmqXeooziyvlLf4sGMjn87fXgxxTaA"
    "G3TW8ifiB41fhgAU6LXfCafxwKH5AVq9bH1S8eCapTqzEMOl4VRUnI9GNE0tQBr7iBI9a9"
    "HOJDMtBjwdO6410ilBWEvWgYLY9+GWlErHiF71SMSKB8BJQnDd0dkIuh3xp2qm4p4LIoDM"
    "Sq8ihYVV2tK7rDrA3K8Hpe0acDPI74lUeXDlDdhNdyeH58cXdVa2gM0GnDNawnWc1maemb"
    "sDpVrgxOQGfElzEg/tQWwheEhjx/nmdUa33Thm+oFUy/SapGCqrTy6JCVgX8hBxA2Y0vBH"
    "FnOZo3H2ZLVXGfjkH+SVrS+qSAPilg2yaJjiYFqNIHBvUorolQrBjF5ReWa0QfiDtHLK6h"
    "iSmjixkLuLtAY4/NTJH9O1G08K6812EuhIFJWHWT5n2D7Y7/hepn1YrpA5qNr0L+gCqZEC"
    "UQaCbQPoOgazyxTAPbcgZB1i23tgSCKLRfLlvI0dHK2qoPeZ2S+/izcKdxNMV3BFHjtS+t"
    "jrzhtAHf8evpBzFAxy6vGvwc3LiOpS6dFsTAMY/kxLtzLKKMTTJlw/EIaDmLPCmbDrKFe6"
    "rlTEelcd0lwYJG6A7fXx4SRnu6MpGbjlVD9Xj/z+uU1hFR1BykGHXXVsBbiFvMZEIQcusu"
    "RlDyweDJ+J+ry08FuRAZuKwW6FhgtnAdvjZDmnaCyuvfHcqfw/vqHpaDX+WnIIifA1YrPw"
    "nOsy/ihFt8ET32946G6IsMsOPw+8vgw4fTi4svA3iqArBTj7//brBZr+kl1ZcP0LJ8+WRX"
    "SubkhwGyywemOxJfYFg7hSbXFEynLtiTkamwsmF2yPGhLBjMdggXHN1AVu3OBaOiEf03er"
    "ErRhDnMqZcHLdI7QdFV7SD6QKJboYkkNbf8IXKSlc3ROYQ6tsScYakGxcWnIUpGotdIoR/"
    "sWHgxRRd/ePjJqq8uMxSBa8o85slBeRG6HRE+uBXoSMRwLHyUfHnSJ4RfAq3I0DkpkzhiD"
    "9KnZ6vQ8+U8mHRsaAm9R3sinMEW2Yv2Jre0oG4+fSk82umtB65AbqbBclbSV1oryQ4HJ61"
    "i78nQN3E8eCjnGCYbIfmobAWiWBoJ2WYj5Qo2D/RVsnU/+MGpr6md2xlFVAG9jzbkWplzc"
    "WQg+3omoBDWJEBgbGJcFUEUvBSC3ueQ+R5m3xJEml/XHCirzLYVqj84G6cjndIXrpPN6Up"
    "nWystAsuR8Wyjht2zD3KW0gnjNkc3J1KGxZ/eSCvigdzbOVvoVrefdPpS1i8OFxjFfUcHa"
    "TL8SUyI3kGCoWqCSk5F4VcPLjAUV3aNY26QMFIl4x9c15zo1HWrH5EZBjBCxuQL4brMg23"
    "FiOE77Ajv3UEvqY8eouraeQhV6yo0TVU1yupkaAjEBqZ2wyTMehTLk4CRoJmSe8xZLftC+"
    "/U5VGRvhHGEj3juUIieSZdD7QDloBHnEHfMDX7aea8yxRdkhf+tefpTaIaIPYSByrykojx"
    "8/cflvTrM+S7sgMeU0Ben7H+5EjeZ6w/ARr3Kdb99W8PAbsl0cxP4Q6q1oObK9/pZOIWLW"
    "C5LxXQ1bT2h3ll3mazmNPVHQyEucB0cc3g3zWXd1hHmHAbO0F+1iiToRB9pAeLNSqWeRqm"
    "JSgsMk8S4JYsIuyG2yemTdikX1ToTz0WTKbJ46jmhpGlieejHJq/l+dc6GeCKfUic2aUZG"
    "Bkey5NxDijCLuuA/ExqauSQof93GNjB65MumfeLZ8S4ofFCLnyXsCegcVnQzyVvE4uMITl"
    "rOsly3Mw+myITmZDmEvhFpvXCuredsp0qUe2DxGfwuUjoUlZC3uR65kij8yZ5/O4yrHlEV"
    "tFPn6RH/tlYIiqWMcLNh9W3zCefmuB9I2CHaOq5vLAyJc1V4yvrBz6csAtB8mH+Q2FRdCL"
    "N3MestPE/METE92zmYoOhSnnsxbQTnSlYCqANIq6NOzl1kYtL3mwX2UDi17FRQ/2cxs48i"
    "XVcpCkgLqW2PQxKrwMmWQ8LDmPqYy0gRt0h1JxwOL3HMsZGsIdGw2xee6rzoE6lEsgNuna"
    "ihJ2Dd6tVFPmHhvIKvuWpPueyvCa6CyEC63DcxDuGMgTsT74ht1hD8QxOSdSVs/TTm/IFK"
    "BRLYD9udAH7qTXkQd8bvZQLu++6RuIItUlT5yShDEdqBvZYvDa2tliYG2hbE+Rh2tq3M7c"
    "c+6wtUBJfO8pEhPk8qVw29fe3yEU+BtaEC5L+/DAM+T/ruMFW84Si79hVBCbUywKG0A7nF"
    "d6RhfqtsbkVgO9Hh3UqoObGhG+YYEfSrtiXcrtDcpMEiZuMiy0OvaWRWrKRuEKH4Gw4Pgz"
    "Y62xZekG5jG6m3awQGqmkC7ihwqQoBN2bHO2gJE9NBpkK2kGDr1z6ucUaVAdpeS5mqEsmJ"
    "Iq9CUmNSWg2ghxWJzW7gJ2X0CBY5sD8lYaaSs07cOUBk8hnsEmltDCm5A5DdlHrXSNyrkA"
    "gCqOU8mTcVFSYA3n6Xk80IOl/JK64I/QxSxLDIDNDqqXco7EB1q3/FTFkOvJrVIcAeMBJ3"
    "C1l8PVLYU78M7TvFM6byxcAfFhYu1qiI9Lv3UC8S2vTFlEakUEXfl4PP6FPyok9TEMnYph"
    "0AubSWRWD2XIx2LpEQ16a9uBDXJfXKnihgNDYEOqfVgW2MCh54hrXZdHNiDuTCix9xyKJH"
    "hSMC4cZxjeNa98qNJS770OL6Zntw6R0UChCxUjn90Sw8WN63tNH93wQKMbJAlrF3pMQ7Vj"
    "0FtLmcerD2d7B6+OonqMahGL5a7IpRYwyDWCmi6hCNB0gzkBd9gzX+4WJLg+o8R4EWrro2"
    "+43KPgAfVS82KATnvB55hziEFAO+oSTTEq+KgFGRzXRXZAdmWWmMdctDMLuKAE8VEwR9eX"
    "1z/vqgL+bt6L09KgfVJax8TJB2sHyCWlCZ2NNk1I02B7Unea1Eq8rCc16TB9ilJ5Eo3EVR"
    "65tfM66ijaHUXs0sQOfV116WaABPdFmlxEmGVqXMCrXhNwprt/hgjbM6FlCQEhZV9T+lZo"
    "eAMlak7Y3CUqUhxbFgsEBUyKW6tj99raA9XWYDXWjUfXYbqrqTUspnFUJezwqDjq8ChfST"
    "2U82vrxDnATutI2JsweuDYQ3T569nVzwgiPWeCeXtagcMTQyxwDbjyaN9Xr6pE+756VRzt"
    "C21p2tW93exB3GummH3ZfWR5IlUC2XBZRJ/5c6FmCLXSoKFUKO6Uge92iSfQ+pGa7DApyv"
    "RaGgVkficc0uFlPjJg3ptx6V6zTRGFKw62/TJQknZaQG0z4msDdJv6ZyG1wvpcNrIDeQuM"
    "INheMB8iyny0IH5ELFNcUbMhOkJpZVHwydzgqnQmhRUb87CNSjZuMG0bJistfLJoJoJpxx"
    "eEDqF+v9qFocE3rKWJ/HvHKggcXnVAc7XIvx0cvHx5fLD/8ujk1eHx8auT/bhsZL6prH7k"
    "m/MfIaAsxfPzEWa2w4EUdcMGdbBuxg22If23GZ3JxYxnrCaaNahuYnnwTkwvVljVHXh/zP"
    "AtQV5A/3iNPDKWq16IOELitAMrvucuUyqx4ShboeUYO640tvtkNvfrXMdigOzWpSxXzoTu"
    "yeRQj/m+C6fYnHgRaQxeteX913/jya1AaUkh1xJrega2j5/ssjG9d489CTL3Vcj6KmTd9q"
    "RUrkJWJdibR3f05iXDupGiWsTbw+RfrUeLljqezojnWNOBwesUtgzLXE446bPM3VSMhpad"
    "O4Vyp5EXGkTNcLV316HQivBY7LO5Ix43csJiu7QG0mXTdEOfzVpM/7CpamA47P4IsfuiUh"
    "mVFyVlVF7ky6hA2Rdjfm9xvQANZPPVArYjMrWWe18jw6v9w+z7/wOki9bP"
)
