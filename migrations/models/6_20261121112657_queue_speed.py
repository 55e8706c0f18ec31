from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Hand-added after generation: the tally starts from the needs already in the queue (the
# INSERT ... SELECT at the end of each upgrade), so counts are right from the first request.

_UPGRADE = {
    "sqlite": """
        DROP INDEX IF EXISTS "idx_offer_status_category";
        DROP INDEX IF EXISTS "idx_need_status_created";
        CREATE TABLE IF NOT EXISTS "queue_tally" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(12) NOT NULL /* open | matched (the queue's statuses). */,
    "urgency" VARCHAR(12) NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0 /* Needs in the queue with these five values now (zero once they all left). */,
    "area_id" CHAR(36) NOT NULL REFERENCES "area" ("id") ON DELETE RESTRICT,
    "category_id" CHAR(36) NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_queue_tally_status_63522e" UNIQUE ("status", "urgency", "category_id", "area_id", "language")
) /* Needs in the coordinators' queue, counted by status, urgency, category, area, language. */;
        CREATE INDEX IF NOT EXISTS "idx_need_queue_order" ON "need" ("urgency", "created_at", "id", "status", "category_id", "area_id", "language");
        CREATE INDEX IF NOT EXISTS "idx_need_recent" ON "need" ("status", "created_at", "category_id", "area_id", "urgency", "language");
        CREATE INDEX IF NOT EXISTS "idx_offer_admitted" ON "offer" ("status", "category_id", "available_from", "id", "capacity_left", "available_until", "open_days", "organization_id");
        INSERT INTO "queue_tally" ("status", "urgency", "category_id", "area_id", "language", "n")
        SELECT "status", "urgency", "category_id", "area_id", "language", COUNT(*) FROM "need"
        WHERE "status" IN ('open', 'matched')
        GROUP BY "status", "urgency", "category_id", "area_id", "language";""",
    "postgres": """
        DROP INDEX IF EXISTS "idx_offer_status_category";
        DROP INDEX IF EXISTS "idx_need_status_created";
        CREATE TABLE IF NOT EXISTS "queue_tally" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(12) NOT NULL,
    "urgency" VARCHAR(12) NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,
    "area_id" UUID NOT NULL REFERENCES "area" ("id") ON DELETE RESTRICT,
    "category_id" UUID NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_queue_tally_status_63522e" UNIQUE ("status", "urgency", "category_id", "area_id", "language")
);
COMMENT ON COLUMN "queue_tally"."status" IS 'open | matched (the queue''s statuses).';
COMMENT ON COLUMN "queue_tally"."n" IS 'Needs in the queue with these five values now (zero once they all left).';
COMMENT ON TABLE "queue_tally" IS 'Needs in the coordinators'' queue, counted by status, urgency, category, area, language.';
        CREATE INDEX IF NOT EXISTS "idx_need_recent" ON "need" ("status", "created_at", "category_id", "area_id", "urgency", "language");
        CREATE INDEX IF NOT EXISTS "idx_need_queue_order" ON "need" ("urgency", "created_at", "id", "status", "category_id", "area_id", "language");
        CREATE INDEX IF NOT EXISTS "idx_offer_admitted" ON "offer" ("status", "category_id", "available_from", "id", "capacity_left", "available_until", "open_days", "organization_id");
        INSERT INTO "queue_tally" ("status", "urgency", "category_id", "area_id", "language", "n")
        SELECT "status", "urgency", "category_id", "area_id", "language", COUNT(*) FROM "need"
        WHERE "status" IN ('open', 'matched')
        GROUP BY "status", "urgency", "category_id", "area_id", "language";""",
}

_DOWNGRADE = {
    "sqlite": """
        DROP INDEX IF EXISTS "idx_offer_admitted";
        DROP INDEX IF EXISTS "idx_need_recent";
        DROP INDEX IF EXISTS "idx_need_queue_order";
        DROP TABLE IF EXISTS "queue_tally";
        CREATE INDEX IF NOT EXISTS "idx_need_status_created" ON "need" ("status", "created_at");
        CREATE INDEX IF NOT EXISTS "idx_offer_status_category" ON "offer" ("status", "category_id");""",
    "postgres": """
        DROP INDEX IF EXISTS "idx_offer_admitted";
        DROP INDEX IF EXISTS "idx_need_queue_order";
        DROP INDEX IF EXISTS "idx_need_recent";
        DROP TABLE IF EXISTS "queue_tally";
        CREATE INDEX IF NOT EXISTS "idx_need_status_created" ON "need" ("status", "created_at");
        CREATE INDEX IF NOT EXISTS "idx_offer_status_category" ON "offer" ("status", "category_id");""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztPWt327ixfwVHXyKfo/gkTuKkzr09x3l04zZOtrH3brd1jwKRkMSaIrQEaUfd5L/fGQ"
    "Ck+ABpUqIkymY/dGMSA0IzwGDe80dvxm3misNTn9HeCfmj59EZg3+kng9Ij87ny6f4IKAj"
    "Vw6k0YiRCHxqBfBsTF3B4JHNhOU788DhHo48JRanvmBk7lKLkT4lHnMm0xEP/Snn9sEA/r"
    "5hPqEeobbtMyEOcWKbWzCz403WmCP0nN9DNgz4hAVT5sNM//o3PHY8m31jIvpzfj0cO8y1"
    "U4hwbJxAPh8Gi7l89ssvZ+/+Ikfi+kZDi7vhzFuOni+CKffi4WHo2IcIg+8mzGM+DZidQJ"
    "QXuq7GZ/RIrRgeBH7I4qXaywc2G9PQRXT3/mccehZimczCIKQuhc+JgPt0wg41HX3q2Xw2"
    "dOw/6yUnwIfDT58vhxfvL4fDXo5quLQMEfQji3tIcccLEIF//FDzLhEln/bwA28/nH7pPz"
    "s+kKjhIpj48qVEY++HBKQBVaCSGEvsCzec5PH/dkp9M/6j8RkKwEI3g/sIPdUR2ruQR4eI"
    "KfcDgr+ThILZxPHImPszAVvXhk0eegHzDQegNnSGTL0Z/TZ0mTcJpvDn8ZMSsv3f6RdJue"
    "MnknKwnyx15D/pN0fyFRJwSTD53xoEi8Y3Q7DowZJiS160Bskup0zhes74HLHPWJ4yRYNK"
    "CfD0qAoFYFQhCeS7NA0mPg/ndYgQA7SeCpr7ywXHO38ejlzHIj6bw6EQpD/3nRtqLcjc5z"
    "MHRh8fmKm1zmRbPlbANh2JhxxVz7zATNQkSIausOpN0fXJhq4XWCz85/HR0+cvn796dvz8"
    "FQyRq4yfvCzB+dmnywxCQVJxbgyc6g3nLqOeGaVLoAxCRwC1KYxGd8527+w3nz9/xJlnQv"
    "zuygdnl5nt+sv5m/fAm+QuhkFOwJaoRnFqfJ240vHBiFrXt9S3h6k3ibuDMVsYSKLB/vK3"
    "L8ylBVtayzmfYIr2sKy6hFg+1XRPbVlYKcqw1HUdtiaa/o5TXcJMi/uELNxj/IgX7br8q9"
    "nRrGAjap3CgOZz6i0uOf6/5BFnsAjqWSamkFGhWiF84mIEsVwONxnzeDiZkmBKAzJl7pyM"
    "4Yoj3GNw+VFrygS8YoSjwmRQxNaYqCI9BxqFwwKd1MdtzuxhjmpDPpZ0476k+zVbpF8rJS"
    "3eF/o9KrL6VTD18RfFT2NQyQE9QLfLFLd7e3rx9vTde3w+zBE4LRhnV9ftqtyuqnfeV94f"
    "wrA7EtTPbozsxll/d+RYOx+PWSPM5jNO1JZ9sTZHL6Jw/CuzJEZ6mKgr8Vvr3CuIyLi1Il"
    "X9CfWc/8q7uBHiJua7/zTO/NjKpE7A1aN4ErA+4aU8QT06kY8QBz8GS5YU2k7w/obJX503"
    "si7fDkpNrThuyOKBd1pcf0UmTAnsq/GYzNhsxHxiOzYJOLmdOtYUWLLFffskMpqCRjybwX"
    "YJFnr0I0FuYYBUg5X6+8qgS2/uM3fbbf/oLQW4ngVUwz1Cgx4OY9/maAGWp09DLq2634YK"
    "nRpGIloft56EBdzKP37UMg2/cSaFGrnROGzQxfWxaO1R1rr4n46Onj17efTk2fGrF89fvn"
    "zx6kmslOdflWnnb85+Qq1xkNQuI429xDSM221YzzyfhFnDSK+R3TKFaCXTe9oiYjIwFZsN"
    "lxBtthtW39YpG97zKja858U2vOc5G57iggpJNbCcAbuHqD56XgHVR88LUY2vjKg2MYc7EW"
    "3kDvcBzc+OK6BZ8woTmvFVGs2J+zaH53fwJnBmzIzrNGQG2bYGPYz+sYeoL0H15dn5+4vL"
    "0/OfU/bVd6eX7/HNkXy6yDztZ8kST0J+Pbv8QPBP8s/Pn95nGX087vKfPVwTDQM+9PjtkN"
    "pJnESPo0d1DLhrmt1KBee3QPEJ9xcmsTl+Vyo0W8lRFWIUrmHDED4maIw+kbaKUei4wWPH"
    "QyOGGBDuS2uGxYFZOB4NuC8w1oDZpmiFNWfr4ha6uIWN4H5rl85DjDDo1dyrvbeJ0/+I8F"
    "tPBRKMuVSWQzgTMxLxsdcxBwFG4auQA5uMFkBj6gnl+Mlzoo18YfuRDZ0bvHODd27wh+0G"
    "L/KV1MHPym6SfUBQFyew2TiBcoVFxV72TPqKflWuriQG3a2teIROQCqdAFFU1OeAzPiNCm"
    "RDZUPgJS+vbWWrI1S5X6UPYWltNwXINTy3QZP5V2/OfIdLRjVj8GFLChVJfQ0dNXFwouCh"
    "b7EhqlS9f6+jBnU2+m3Z6JcEriqtLyHabIHrvaUg6NrUhyPhBdMB+fob/O/x+flXg+hdOr"
    "RUhi4jSCRBvyyUn19mpeflIatKjSVEm6nRGgt/kndVRXESZqcqaotV/vQ9UNk9lYLqcGvG"
    "bfJWrYHcDNj9wO7TKh6Sp8Uekqc5D8kNdUOTel0igcQgO7RWPNkHwaMlLop3jhiFvmCzgu"
    "ie1PtS2d/OjrxTATjnHlsQHoJsrryXylBHk/6EKOzmdspxEHOkDB/kBZV1J+ucFXvqrKAz"
    "VO9q2FSXANvjUZvXlRozqlqh7zPPqicGJmDuoaz9rEroQXHkQfZahTU5E4+aXQHFSM6AtR"
    "nPMkERWA5yV2JJX43PZyfkSq/PveoR5bzR+gNBF6I5z3G1abad4QgMdWgiJwaSFNgKliBl"
    "ESTtIWoTfB4jQvJ6/bSelWUJ0eozYFExJd/JxBkHQwsENfj3yHHdIRIe/i2TSHI7virQlj"
    "UBDmKT7dNbww4vdbal4Lbob4ufJOlVIIZ+icTFORWBNAIjy3kkyAjkJM9i5NYJpliTg32b"
    "u44FrAh/le/YWMHDFZzIUGxmG8zQzU69NcdfPhiR2cPRoma4ch6yC1ruIhAfSARiOnmSma"
    "N5i89OAqT1h0ZKaT6DTwCPc1TeJLA8ZG2v4blyu/UFC+TcB6B9M+WDi2EEmYf+xBCD2PTh"
    "yxld0kTKU+gv3GcgdP+NVc1yqxi7sPeUaXjq6ul2IEzEJpjkMUnlugE+yKdfPn5U6U/bt6"
    "r9BOJbz2BNk88HZVa0STSiQrAvjsW8NR+2GeEKvRPnBggE8saEnQDSaTAgU35L+DgA/GN5"
    "pTitDSWR1wmDWP/L0VOTJ30jn7nyrryzQBBldCIg2zo6tdpzF/An8wIHcO2TC1jInOFb+C"
    "TM3dd++q9zl9kTBsT/SkAfoGgeqpp11xnyWmnIG0vWUNPylAJqtTrIUd7/rvzoKiIpdc7y"
    "r0tVvFcVNLxXhQreq5yP8n4aUXvvKbCgOV2gU2IQxf5E1krQw2aOx32C2byGanV1gTvDbG"
    "eYbTmee3UtsO0zte6by38FIsF0IF/ZcL2jyS9TSiJFntKRW7YRWj6TxqqaJsIkWEsthKjr"
    "JJFLrCkWCwIZdwQXgl4/eptlWgpcFLr+ollrWnmmndj/QPAPQkMgdslJiyG2GFej9ZO8xJ"
    "t8kaZqpNJ8x+qYFpbaAI0G/lCW9jF1XA2WJGBVoDuyiyolF5XkFuXO3pRZ1zwMhkKVDKmZ"
    "PF4AvhL9sqaNDZUhRrUQZLC3euXkQq0cVcm+JYaHh4cHAzxXaIWeeBjLDWKaCu82FiZee7"
    "7yIgEvXlSpEvDiRXGZAHyXOZrhKEZKTYIbQPeA2MlVS8LAA0kZTFKmke4kDRYlJK47y/YJ"
    "+/D8Ar0PIJ4BS2WWg6duQFznWiZjgKApfZ4E10tuGblmbJ4nbn3we+xvMBQRq2rTMoDuh/"
    "9BmgPxLk5JV/1UETtpXDx4rQ2Yyqi5EMQZowHbEZHZepdeiKwIv6Y3ombNvXtCr418YEUP"
    "heFA1fZUJMOMpDFqzbxI9EL8rGZqzw3Q7sTIJMoK/DoJjJa7d4bzxMiKQdKOdyIrrUg9A/"
    "7xWN5ncs/qGizyTSS7ON4NdyyYTcaXoH8G7j4vIIiMotDppj/R+WH21A8jpKA89Jmh0nOZ"
    "1p+Eam8lGFXv85YKuZ1VVaOc0teP9v8B7n0corc76ev9f3BIfpHLHBDBcydqA9+48uK0Zc"
    "0/tG1IVze55VoZJX09zyF+fECWf0mooQgtizGb2fjdK0Ct64CcDLMEt/hxmSyNN6NVoQHM"
    "RrSfaKHwSfmfehm4JuBGVNv8tdeobquvjzO5btUICX7kBHaFLaThYYzFuHAPROSnsAFkcD"
    "THgrViHgbST05HsMtK1N8NfGgHGrJccm0rVwKovXtiRV/YRvB8T/3CO0uuUQfJ5CMpxGgS"
    "ZK+TKhtDouZBdZCYBOmQqC5KZxUDYwJsf6yLDzLqWKqa9TSpBEiT6lR7ibq6oS6K01zTQB"
    "cFhO4nSu+0fiU2VMrq9QV295ezt5e7is89826cgOpfnbPmJN4Oyow5TnpchYjd2KziOt71"
    "iSpg6aUtlCCAwxfdhSyuqytcctdldBLKOIH/cFV91xSp2/T0nQlnT004Ab9m3nBKxbSOfp"
    "SGaq8JZ9XqM1UK9R8XF+o/zhXqrxuDthfBZ2l/iWQWWBxPMjs0Gn2PmuT0Ja/IMJiDHFtq"
    "YL7tB7JJJ3rtjMccYOt9p1tOeGTf5g68XUHvSEN2qkerVQ/sRr0CjRNgDRB4fw7Q3tH3gQ"
    "WY7FbTfAghIY0rnneFXUTNEHekf/6Vj76ERt1TvxmU6Z3/4aOhH1ZUOj9j79rQU7GNwpoy"
    "O3SZDXreaEAs0HlkdwQGmiAGtKo0T0EEVy1w4QnAKm/ga4CXGbuPRE7G28RHrjyf36KfCe"
    "NsZbW2eXBI3kbuSXexrOamna2KvIW9Z/6FiMN3wuVBV4O5PaUQByWarCZZVQ1LD2+1goXR"
    "abDORyJO8vjr5zcX5ii2gnFbrgwsD0wNKkTjW0+GiFURXDFwI4z5AzYG/0HTWF/me/qgto"
    "5B95AhxAcDlQWn89alxUSb0TRHzpGw4W9ceVEKymhBphST6xWmyBx4oeS4KvEePiA544xe"
    "M0Gwe7lageTTlaI7NtBEknor6AVLqP3R+7qA9gb1jbHjOWJaO7MwCdbOzMImNIsGc/1U7F"
    "cey3+9+PypwOIVQ2SPpmMF5DtsW7Ex/1bCgC9bfjmeOMTP1rXVq2g9WZsGWKONMXMgTKpf"
    "Bki+Ui2NrmDkswG56s2YECDVywdPjwbk8PDwR0FX8fXnrL4NkEapbRDx4f756T+yLPrtx8"
    "9vsgcVJ3jTnsLU5zSwpj2DhqRelCpIs3hIBZ8cUgLjNH1dvkhaoLHD0gmmeAKGDIWkgZqW"
    "xeayII4PeoflOp6Ow5wyg2Ou8W9cebLgEg7SwXpxL3rcMhi1F3AiptgBD946Pj4OABPq81"
    "LvUjOs0qneoF3rpF+EuqNxvSTOEKYYLhOFI67RG6R61yNvSnw2qvZU+SNRTa+C6TvnZSud"
    "l/uRcb6CSBgf9e/Lo/19ebK/k3Hojh3Xlf+20IznmlLQV59my0np0ULrO9LykJ2ROCuqSX"
    "Y+lCy+dsmNHHA7xWOpP2vvMAVkYJKCkqtAuVXXF6i3CyJY9pazWUAdt6AAx9oz7kY4f3BJ"
    "4Q/StwZ83LFXInMasvOgtpnKOysJvEdHt8ZtKHWpup7oBEzrpQtVOApX/FpCSwuu1BdnMy"
    "xAuFAv0egLi9XqJDrOpty1tZK3NWI8rOiA3t9ABFf2eQsLQhFZTEmorM907K0yx0fSBdBK"
    "2gX6+M2TPDHzxXi3GHWw3XLYLeVKK9efjsMLckyqAZxWbf+9n5ypiflWDRpJ3AgFRTqK+F"
    "wTZG1jYM4WmduGP3U/A4nOleOgZ7KT61eDUkt5YlClUCINgNEIVKL9EdZjBwXTfh3F30Qm"
    "Zibf5+m8+jTGoJ7ophLs9/WCejoLb7MSYYmFF0iVQ39hQJUe3eZ88t5n38ZINNixuky42s"
    "ykj6q2IOiGkZ0NrpHHBVwOmfLQxAbXm2rDWcOg1E65P/S5a+gLXNLMOg3Waiu9tg5+T/ri"
    "MsWV8ZLB3zLQEYgUY28E93SoVp6mDc255TyYEbcNxebfe5a/QKfDJftWcGIjwKxVeREw0R"
    "5KNxJ8oR3psc0J0Pnm7NPpl99it3tsePr4+dNPbwyO9ze/Xb4/7Yy9nRmwMwN2NozGUbq+"
    "DWM3mo3EukGtiahRrNNEZL9bobng2EoWi4QmlcbIPSiuQQkZYyDONZxfT0ld2thgwWfNV3"
    "1Dc9aMyLFcrpPnKgTHSIorCIm4SsE3yxiL9A0T9QPRWwjEU6r/iWkcuvWMS71JiHpm1dVh"
    "vocS8KutLvGt9PJS0Umly629RqAPUAhbnPolC+1U0FaqoNFhq10kIQfY3joJvQ/np28fX3"
    "w4PXpxjKlZMtVAL59gTTHUMq6ZViV5GAhsPIyjEG0jKhjpz30+w2YHzwyaavPTb7l+Q4Jr"
    "VCV/AqTVWizcLqBgCg5n9zsZu+ybA9+Hf97Cd0AYzZLy7uFbjh1THx7KXBezCmSmTxauTA"
    "FqjZW9CV6I+owZh8xUpORODDJjqZIHhb/kR3IIrGAGycC32xoSZywspL096nfo+OQWRBxx"
    "Qlj0g5dc+7nhUlh9mhZYXVSs30rETsCuSOgtefQ+AKuXfYwwIxBIMxvoprtjRba4I5mgiw"
    "S5BpG7Ne7kLJ1uUo0wxFlu7Cu73yWgGYyZ74MGIJ+sslnyU7R6z7TZUgpMxOOhZ8gXqESH"
    "JXBHgRUpECvONcToJEyr5WiMRokWqzjXLVXJVSNGqCduZel8xzPHsVSG3Gav5/3Ir+nxOf"
    "PyNoX4aRMVATfQh/HB+W0ymerqlo9Fu6ODqErLzPFC4KiYyygYUMU2Cg3rTHWP/UQuFcEQ"
    "pEvnxgkWK2wuE/z+bLEH6RpcWvTrMpIkYJcF0mYaJ7wPVf0ACZDO/Zu9fNO+naoozYB1aC"
    "33qkfoyqO4tmf9bWKq/UTtnd71zOYqqIKfZQoN4PZUT3NP8Zrgg7U7C6Q6yYxCX7AGmmq+"
    "S0zVmltVKqE+g08IWWdRZjiryOrXUXdT0hcskHMfLK1uMYxQ5RhrNsXNN+dM7nBZnIOtie"
    "+4DMw92eBpDOl6QGuiaBncfx+RNHUwFsFwD9XBEYYTfVhOdF/wtOnIrAhlBQFaCYyWx2kN"
    "E0S8O15L+pamMCPDQifYykQ7mTBrKBFajW4m1QsTqyNhVLWIwqqlFwotB7hqgwliM5/oEl"
    "fuR9TQvUtcqW44bTiRRB6eOjboGKDV7gLcT7Lu0p1FmnSZtlzBptCbsUBG3gRTG0ReDMg5"
    "PMwzqo1+qbzRaJU4rKPiOKyjXBwWMP1VkopSUK3eFhXyf/BPzFaVw8QCiDvL0Xz1aXbUQe"
    "fhuEEepP2yS1/p0ld2bQhqafqKKtJhUI/i6h3FilFcKORujegDc+eEx8Vkqce9xYyHwl2Q"
    "sc9nphyUfhSjrerMz0EYmOjys/kC9g3Pf+Ul76pVEl2KMzluqCP38hAXhk/Uc4vOqYVeT5"
    "epVqvLgaEXOLLMIQYVDG26EIqVpis+VEgHUYVDqD1zgqCrOLt/at2Ok0GytuCN5YJEWRpy"
    "v2KKWqJotPohr1PCpHikj68gU3rDiGfsO9vozFvOAAmcoJ7SEQNsMRIqf5gM9P05HLmOpV"
    "rFyDZMEeMVzL9xLKYsWDL7xvEZqk6LPClXneSOKKsqfURgVEmcVa6TyFyudFgaol8S92mE"
    "3ilJy0+vJkzi6dpEXnWuGvrM+39cplSZXEuCVLxpNDzbpyCT1MLYtbsYYsWTWp0qsnDt6F"
    "eB36vfr0L+FIJSC7Ja+ZPwPruCG26BLSSePD7GrhI4QLaUuOp9+HByfn7Vw6cqlj71+Me/"
    "DYbwDX1kBx0tUkXbkqJeRTtuCmZ71twn2W3xJL8V0L+LOxtXhw5eR0iKyW4jI0wq759zD1"
    "6S/yVPD2AGuJepJ+C6Jeo8KLqSPvUWBIYZ8nka/8KVJwu9jZhMB00eS+wIKH3DuOEsii2x"
    "3AA0Cjgw+GGPXPz94zaKHLncUtK/x4PV8jtyM7Q6uaD3KyhesjOjcnyJQyLvCOydpIJwZV"
    "xA/KPU7flau7uUY8wbAzVBn6Iu3CPUMrvWNvSVFqRApBed3zOl5fgN0O2sx99IFkpzFfHx"
    "8qzd+2AJ1E4c9z7KBeq8STLXwlokgpF+ytofKVF4fqKjkil/KQxMfUPf2Mku8DgaCW1Hqp"
    "U1N0MOtqV7Ai9hRQZsnou5D1HnXIv6vsPkfbv8JcukiZcFN/o6k+2EygIEBIsNrx1TMntJ"
    "5lIabIsaXnxC8tJ9+lWa0suDlfbr5ahYNnDL3r66RNk+NVaQiSac2wJ9qEobhn/5KK/Cgz"
    "m18j3e7h6+7Uw0bfeuoeckQdoctCKTy2eoUKiSqJJzeZhWGQoM1cKIrGk0BOulounfnKK+"
    "0iwbVj9yHoua5Ivh2kzDnQUe5f1EVQuj5CHXLI7SNlTXq45i8KPVx2QM+pDrzKCRYLX6BT"
    "Fku+0L71TvtEjf0AFKj0SuJkyeSdcDbYEl4B4XQ1gxy/5hli+Q2dYsL/wnnqcPiXqBAZ00"
    "VOGcDObPt/8sGdcVO2jLCbhPUX5d8YEHR/Ku+MADoHGXLd91P9wH7JaESD+EFmyNR0xXbm"
    "lm4hYNYLmr+lCjQsFWc+X3s2PkdlOj04U6DIQ5p97ikuP/b7hSxybChJs4CfJnDTNpD9GP"
    "9HGzRnVPT3Sug8Ii9yUBrtkiwq4+PjFt9Ktkn85g6vNwMl0+jsqnGFkaPB/m0PyjPJEjeS"
    "eY8jkyd0ZJWkd25J3ZHaceoa7rYHxMqlOYdtjPfT52sGPYLfevxZSxQNeVFMp7gWcGN5+N"
    "8VSym2JoCMvZ1EfuTuzosiFamQ1hrmpcbF4rKGHcKtNlMrJ9QMQUe+9ok3Ii7EXuZ4/4bM"
    "79QMQFqy2f2Sry8Ur+2KueIapiEx/Yflj9ivH0OwukXynYMSpQLy+MfIV6xfjKKtvfDbjj"
    "IHmd31BYz774MOchW03Mv/iw0Mc2V9GhuOR81gLpRx01UwGkUdSl4Sw3Nmt5HYUnVQ4wjC"
    "qupPAkd4AjX1ItB0kKqG2JTR+jGtqYSSZ09wDqyUgbbCA9kIoDhb/nVK7QEO640hTb577q"
    "HqhDuSXENl1bURawwbuVepVpSYRZZd+XOcQnMrwmuguxn7u+B7FdRJ6I9cG37A7bE8fknE"
    "lZPU+75ItMVRv1BrE/B33gRnodRSjmZg/l3cO33UwqUl3yxClJGEsCtSNbDD9bO1sMrS0e"
    "f6zIIxJqXH/uOzfUWpBlfO8JkWUf8aPYuO3xnzEU+DtZMCHrBYnQN+T/buIDO84Si3/DsC"
    "A2p1gUNoC2OK/01FuoZqXLBhXJIndYAA8blRI64mGgpV3Yl/J4ozKzDBM3GRYanXvHIrXH"
    "h3qHD1FYcIKZsYDZXekG5jnam3awIGqlmC4SaAUI6EQd25wtYGQPK02ykzQDx7tx6ucUJa"
    "BaSskztUJZhSVVPQwWNWWo2oA4DLe1u8DTF3rIsc0BeWvNtKMEocAZOzrFjs2oKVa1xLpl"
    "hG6kzsfGDByYZwmy5XhMkqsXZMJJn8txFCbl8D70XCYEuTi//BnNT1KVncAlbMfNVoqtIR"
    "v6yvZ15i6OrfcQAl5sZjn2SmROQ3ZhTW2jci5CpIpnfeKM1635/5Mzblmtf5nXiRdvKoM3"
    "lc+r3A4Hr6U5E5GATBxrO4x1eQfdF6DJiv9SQKJFGbo1MH4WT9QavK/tMk9h6j7Ge8h6H2"
    "hAx/rEIAfAD7SuxYlK6EjuU6kboCVPMGyZCHtRdn/t4zdP8hEiecv9GojXWe7rIT4u7tgK"
    "xDe8M2VFtzURdIHy4i/iXiGpCyhqVUBR8qqTyKweV5QPjEyGFyXfNh1lFFfC+SL9GT1DoF"
    "F2yKAs1mgeDR76y9F3xxuRGfeC6SMBmKeemMOv9KyF9rEMsOLrf5mnyvTEHzghiH90lIae"
    "/C/o/1gtROp1eZtg01+4AiUTHzoGc/PxwSYCkd44k8IUbGMokiHvWm/s1h5GnXT9p6OjZ8"
    "9eHj15dvzqxfOXL1+8ehJnX+dflaVhvzn7Ce0yKaUgMtQUByLNme/wWpUllhDN2Nw3Uon1"
    "LXWZZ1NfHYUB+fob/O/x+fnXvJGlfGippaSMHJGd5GWhleRl1kYy4rYh9rvYDRKNb3X0iO"
    "qOhqyHsG/AGd0FVrWLGQ/pW+htdizqEvQSgc4kIwbQ+BkwKdHiP8wesYbm3bHXA8NfmBes"
    "UBg5DdfqbXDx4fTx0YtjrIL6Ffft1yiAj0fN8CQpBScgg3GPydgRqcRInWRuqLHazJRbLo"
    "a8FBrqm8iysJ0tdJ+tZGuqNKWi7t9DFrJL6rrG7nGJt6UC7u84bhjEA++UbbENRlxGIumH"
    "fkTkXAMtX0rPlgrMGRBsfQnyKbzTCT0DrAREBySKmMuf/A1958q78s5lKI2eWmA4lBSiqY"
    "oSgRsGBeKFsplgwydc0gBEh5soNB9A4W5xGb3Rbnm1pCuvr8tWicMEXg8GyJ/iUbKWe4gd"
    "75TLxmfyTznAkz8aA68Ec2/Kmt4tQ570b5Z8LpERFmlWcVGMtVrjdcL6toT1/Yh+W0E6wG"
    "rH5LsqTIyyW/JAqJ/ATCU2q4NtORguce6qUioB0mZSrVifpnkUd0WANl0EyJCdUsbqTRbp"
    "HVduT8kJkjGo7Dn4U4AOiCV+bqgbytCoW9L/L/O5SpSV0XRwP8t6hAbG0+TEO7xp0mbxmp"
    "UUEiBdgYpcecmu7sfmK1N09RJ65U6dFeolZJlCA7hd1VW2J3hN8MHaNSg2aQOQbuAL1VGv"
    "Z7ACpN4PyuwAMgBxKBJDK3i5BOwRZj+GO1LFL8bNyvQ8A3KNIQvaVidts/7rSKG/dpisRK"
    "HTdykJ+DXzDOHvG/tMl1m/p5n1koS1belpqBY7thJG7+Umhu2uyKU2MIbxADVBLyCIphEV"
    "0vb9KJCnJbKGO4bz1PjsW7auAw+opxHGAG1WB3tzKgTmv5O+YJjBAbNifjSQwQFVwg7Zga"
    "xQ6nOX9GehAEqwgIRzcvn58ucD1ZHezdG6qUm7gqgtk1j21nmSK4gqGDDlFYuhJmA7Urea"
    "1Eq8rCc1JWE6NblcTZa4akCPqxNX2lLE3qnMJfdVm1rdL3FfpMlFhLlLjQtF1b73p0nX6o"
    "Bg63Xp20yFkyt9S8eZoxI1Z3zuanMotZQ306S4NTp3p63tqbaGu7FuLbQkTHs1tRV9OMdV"
    "ci+Pi1Mvj/NdvLWcX1snzgG2Wkei/oR7R449IJ9/Pb34mWCVoRkwbz/RXO+VwZVTA648a/"
    "bFiypZsy9eFGfN4rs07UD5qnU0ovHtppRk9t9Tie13NOKrBrLllnwBD+agZoBaadBQKjQW"
    "ysC3u70Qav1ELXawbAj0WhoFIs+mvrBV7rk/EzLM0jbF7q452e5bEEnaJYo5rUb8xATtpv"
    "6pppbuDWUTO0RaIsEeh/MBFicgCxZExDLVtFhtipZQWlkUAjbP07osJCIPu1J8xBZzm3Gx"
    "0sInGzYSXLbMKMXNLEMV1SnUBl/dx5EEt45VEKK/7oStiI6wHYGkqFuyJgnWzpo1TUj/TV"
    "YGErDiGa+J5gRUO7HcewfLixVWTMCbka8zes2IH3pfXxOfjeWuBxEHJE47lLqeqU3firPs"
    "hJZj6rjS2B6w2dxUBKKQaxog2xVWduFMvMcy+MvnQeDiLTZnfkQag1ft7vEbbsjqcusaUF"
    "rSRLTEmp6B7UqztNmY3rnHHgSZuw5YW3SgdB2wNtkBq0odKR3M1URhlETE237yr8aLo9zh"
    "eIKVsvc3zDMWzEi+HpQ7n3DgkMUjK7if1OREwpBbJiteOqg2ypA+qTv6DL7kyJQ8R0QDlA"
    "2pf+tjNVQvmcxnsEo0/5ErL5MyiO172HjMrGAjxTKKzcFG7r7/PpIGTe0lcYSIrhq4jsa3"
    "2fS+al5RFZ/Uq2Kf1KucT8pnFoMDtYqYmgHt5NTWyaktyYE/Zb5jTU2Xln5Tel/R5Zi7bq"
    "piwjbM6B9KlvWaZo9ing5XuDDK8MVsPQFyDzn7RpzWeKhqYFgPv4fYfVqpkPbTkkLaTw2F"
    "tFXVnzyGi7usJEC232NlNxdlYx1LdnqZ/fh/pWiIxg=="
)
