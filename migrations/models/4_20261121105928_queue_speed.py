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
        CREATE INDEX IF NOT EXISTS "idx_need_queue_order" ON "need" ("urgency", "created_at", "id", "status");
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
        CREATE INDEX IF NOT EXISTS "idx_need_queue_order" ON "need" ("urgency", "created_at", "id", "status");
        CREATE INDEX IF NOT EXISTS "idx_need_recent" ON "need" ("status", "created_at", "category_id", "area_id", "urgency", "language");
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
        DROP INDEX IF EXISTS "idx_need_recent";
        DROP INDEX IF EXISTS "idx_need_queue_order";
        DROP TABLE IF EXISTS "queue_tally";
        CREATE INDEX IF NOT EXISTS "idx_need_status_created" ON "need" ("status", "created_at");
        CREATE INDEX IF NOT EXISTS "idx_offer_status_category" ON "offer" ("status", "category_id");""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztPWtz2ziSfwWlL7Gr5JTjOLbXudsq5zEb38TxTKy52dn1lAYmIYlnCtAQpB3tOP/90A"
    "AfIAlSpERJtM39MBuTaBDqBhr97r96U2YTl7888wjunaK/ehRPifhH6nkf9fBsljyFBz6+"
    "ceVAHI244b6HLV88G2GXE/HIJtzynJnvMAojz5DFsMcJmrnYImgHI0qc8eSGBd6EMXu3L/"
    "6+Ix7CFGHb9gjnL2Fim1liZoeOV5gjoM6fARn6bEz8CfHETP/+XTx2qE2+ER79Obsdjhzi"
    "2ilEODZMIJ8P/flMPvvll/MPP8iRsL6bocXcYEqT0bO5P2E0Hh4Ejv0SYODdmFDiYZ/YGq"
    "Jo4LohPqNHasXige8FJF6qnTywyQgHLqC791+jgFqAZTQN/AC7WHyO+8zDY/IypKOHqc2m"
    "Q8f+e7hkDXw4/HI5GF59HAyHvRzVYGkZIoSPLEaB4g71AYF/fVfzJoiST3vwgfefzr7uvD"
    "7alahh3B978qVEY++7BMQ+VqCSGAn2uRuM8/h/P8GeGf/R+AwFxELXg/sIPdUR2ruSRwfx"
    "CfN8BL8TBZzYyKFoxLwpF1vXFps8oD7xDAegNnSGTL0p/jZ0CR37E/Hn0X4J2f737Kuk3N"
    "G+pJzYT5Y68l/CNwfyFRAwIZj8/xoEi8Y3Q7DoQUKxhBetQLLBhChczwibAfYJyVOmaFAp"
    "AV4dVKGAGFVIAvkuTYOxx4JZHSLEAK2nQsj95YLjnT8LblzHQh6ZiUPB0c7Mc+6wNUczj0"
    "0dMfpo10ytVSbb8LESbNOReMhR9Zz6ZqLqIBm6ilWvi677a7pexGLF/+0dvDo8Pjx5fXR4"
    "IobIVcZPjktwfv5lkEGokFScOwOneseYSzA1ozQByiD0RkCtC6PRnbPZO/vd5eVnmHnK+Z"
    "+ufHA+yGzXXy7efRS8Se5iMcjxSYJqEKdGt9qVDg9usHV7jz17mHqj3R2E2NxAkhDshx+/"
    "EhcXbOlQzvkipmgPy6pLiORpSPfUlhUrBRkWu65DVkTTzzDVQMw0f0rIgj3GDljRrsu/mh"
    "5MCzZiqFMY0HyB6XzA4L+SR5yLRWBqmZhCRoVqhfAJi+HIcpm4yQhlwXiC/An20YS4MzQS"
    "VxxilIjLD1sTwsUrghgoTAZFbIWJKtKzH6JwWKCTerDNiT3MUW3IRpJuzJN0vyXz9GulpM"
    "X7InwPimz4yp948IvipzGo5IBUoNslitu9P7t6f/bhIzwf5gicFoyzq+t2VW5X1TvvS+8P"
    "btgdGvWzGyO7cVbfHTnWzkYj0gizuYSJ2rIvVuboRRSOf2WWxEAPE3UlfmudewURGbeWpK"
    "o3xtT5j7yLGyGuNt/Tp3Hmx1YmtQZXj+I6YH3CS3kCUzyWjwAH3/sJSwpsx/94R+SvzhtZ"
    "k7f9UlMrjBuSeOBCi+uvwIQxEvtqNEJTMr0hHrIdG/kM3U8cayJYssU8+zQymgqNeDoV28"
    "Wfh6NfcHQvBkg1WKm/JwZden2fWWy3/auXCHA9S1AN9gj2ezCMfJuBBVievhAysep+Gyp0"
    "hjAS0eFx60lYgVv5x/dapuF3zrhQIzcahw26eHgsWnuUQ138bwcHr18fH+y/Pjp5c3h8/O"
    "ZkP1bK86/KtPN35/8ArbGva5eRxl5iGobtNqxnntdhVjDSh8humUK0lOk9bRExGZiKzYYJ"
    "RJvthtW3dcqGd1jFhndYbMM7zNnwFBdUSKqB5QzYE0T1wWEFVB8cFqIaXhlRbWIOCxFt5A"
    "5PAc2vjyqgOeQVJjTDqzSatfs2h+cP4o3vTIkZ12nIDLLtEPRl9I9HiPoSVA/OLz5eDc4u"
    "fkrZVz+cDT7CmwP5dJ55upMlSzwJ+vV88AnBn+hfl18+Zhl9PG7wrx6sCQc+G1J2P8S2jp"
    "PocfSojgF3RbNbqeD8XlB8zLy5SWyO35UKzZY+qkKMwq3YMIiNEBijT6Wt4iZwXH/PoWDE"
    "4H3EPGnNsJhgFg7FPvM4xBoQ2xStsOJsXdxCF7ewFtxv7NJ5jhEGvZp7tfdeO/0vELunKp"
    "BgxKSyHIgzMUURH3sbcxDBKDwVcmCjm7mgMaZcOX7ynGgtX9h8ZEPnBu/c4J0b/Hm7wYt8"
    "JXXws7Sb5DEgqIsTWG+cQLnComIveyZ9JXxVrq5ogxZrKxThsZBKx4IoKuqzj6bsTgWygb"
    "LB4ZKX17ay1SGs3K/Sh5BY200Bcg3PbdBk/t2bEc9hklFNifiwJYUKXV8DR00cnMhZ4Flk"
    "CCpV7/dV1KDORr8pG31C4KrSegLRZgtc7z0Wgq6NPXEkqD/poz9+E//bu7j4wyB6lw4tla"
    "HLCBJJ0MeF8vNxVnpODllVaiQQbaZGayz8Ou+qimIdZqsqaotV/vQ9UNk9lYLqcGvGrX6r"
    "1kBuBuxpYPdVFQ/Jq2IPyauch+QOu4FJvS6RQGKQLVor9h+D4NESF8U5vXN8HKIpJ/Rrb0"
    "vlfic9roKjglGyB84x5Dr09lSZ8ijSo5ggAEd80Z1LN0No62OuS/A4IPDy/5jyQ5g8F01P"
    "37kyHqkrw2e3hA4nmE/q3A9pqKfn1qgSsnBUHLJwlAtZqHsBb/7mXUJNSrGLHckswEwgmR"
    "2xd9FDFC64I3lFhsHs5thSA/NtWACIAh1u5jVD1XKAXbxaGrPk28wRb5cIPklDdsEnrQs+"
    "0ckMeblL0FgDa4DAj+cAPTr6GuL1q7JIA2jHJA16kRnZeUz/wDzijOmPZE0JKe3EsCkjxc"
    "P3sR5i2mbGtJDv29E/L7BvTXoG1VO96JdpndN4SAWFE/zSaIbF1Wmje8efSPEKHKmnUBxB"
    "bEQVJYL1YLY+wpZFZmJLgI5oE0tok2EwyYQYtM7Gv3FNIQmRwCBqS/9UnHIChAdXldBU+Q"
    "QCXcRbx4PHvsCE+nycxhhmK9ZMSDFsHXGm/IBXyU+RxBmKKYYhTL+ZFJVOdW5WJC1NUQnp"
    "VtmsGkO0Wq+Lz+JDcvYekqP3gEaBO3JcV/7bgksE/p0778tPsyD0rFLkWUngWS7uLFxofT"
    "UuD9mJKBkNWfHboeTBJm99WShaHniDIWnxEx23BdfnIL55EBbIILa6WvyJw8P7BU3xHIpG"
    "Za4hm/jYcQ2VwBqZcWORcF3ayLPT7AQfd+ylyJyG7PT3NlMZJPaad6IG0qSs2V6i1rgN9U"
    "oVle0gGkzrpQt5b8kVv5XQiAmxLlUTQL5E4hYTiw31PccXdxpz7bo1Y1YlxvOyTfV+FCK4"
    "cuQKaZwLDXlCrFuu8tbSnl+QNBLpQtBKKu478M3TPDHz4aUbtHlRYpIqa9u6nlhIfT9j5N"
    "J4stm4lWNSTdgPK4bhP07O1MR8y5ostRshRU7x09GXXz5/7hXyuadqFt4gc1vzp56oGVsg"
    "CsvYsbwhO3zVLzVla4MWGrMvKejOEgDSGbBE+wvIXxAKpv0WKazYkQ2YyPd5Oi8/jTEdIr"
    "qpOPlztQSHzsLbrERYYuEVpMqhvzC0Mxy9ucDOJdjkpSfuHrljwzwftZnRDqjaKiGYUXeO"
    "boHH+UwOmbDAxAZXm2rdma+BIII39JhbK5s8A9ZqK31oHXzQnWXiL/0igEsGfkvcNwPNiM"
    "cZFUwMEJWnaUNzbjgK64bZhqSMj9Ty5uB0GJBvBSc2Asxalee+Sq1sB6UbyXT+fPkuZXMS"
    "6Hx3/uXs6287F2f/3E0Znj5ffvlHNF5nmO9+G3w864y9nRmwMwN2NozGUbq6DWM7mo3Euk"
    "GtiahRrNNEZF+s0FyxKQExa2yoroowvxVKyAgiZW4p1H6RUldobLDEZ81XfUNz1gyZSSIg"
    "0vw/ypMMCazV8A08sZ8teU27mI4D0AIrhNfI3eIRK6ymWxBZAzxOW532rfTy6gb3yK+rSg"
    "0MxOSSJXSqXytVv2iT106NyQG2Nzum9+ni7P3e1aezgzdHUMbOl12T1PJRQG0p3d+SUIVj"
    "gc8dW4YbIEDbDeYkKQTx2qAhNj/9hrN2NH5QlfwaSKu1R8HVhWLHmTi7D2jkkm8ONJ57EP"
    "q8OK/3OVIuHr7hmC31YYid9ApUDzN9snBlikdrrNtN8ELQI8w4JKbUtIUYJMYEtWeFP/0j"
    "OQRWMD9k4NtthVB9AAR3nks7dz8sFOR4qrj/KSLRD0649mFRO4GlpmmBtUPF2C1FbA12SU"
    "JvyJP2SbB6n6l+PkCaaV9J/85Ikc2aQCMgCKvHc41c/cjNeT8hNHaHqLZBhvjGtX1l+7tE"
    "aAYj4nlRN5NlNkt+ilbvmTZbKAUToSwwdeipRIcEuKPAkhSI1fYaYrQO02o5GqJAosUqzn"
    "WPVdbRDUGY8nviyaJ65viRypCl0vVJBeH6pFC2PsnVDHoUeS09NiM0b1OInzZSMahxteX5"
    "+UvETR94SFxolgPmMnXLx6Ldwe5p6EecOjQQHBWS/DgRVLGNQsMqUz1h/4yLuT+UhZsdf7"
    "7E5jLBP54t9ixdclLkXYqR6IBd9kWbaay5Qar6ATSQzu1aUMCzbq2eNFiH1nJvdnGZ1Noe"
    "bb0H0ONE7UKvdmZzpTzbXwUD+Xr+ftDLMYUGcLtsi+lHgleNDxbgtDhcQPPlQ5GGVcvsx5"
    "U6ngiqU7sxDJBeFUVJePdTRNLEAa+4gSPW7frxKZnoqeBp3bE5EcoKQnQ0jJZH6gw1Ilbs"
    "zTwRMxIodQGlVEN3B+SN6O3gTlVHBS4L2EBcLY8Ca1XPZDEcVm1QhtfziS514WnErzy51I"
    "XqJryGUwnijuxVraExQKsN17CfZOWdhWV6wkpauZI9AZ0SX8aA+BNbCF8QGvLyZZ5RrfVL"
    "G249LJj+MmklKahWb4sKGSDwJ+QrymF8Log7zdF8+Wm2VMH3+Rjkn6UlrUtg6BIYtm2SaG"
    "kCgyrTYFCP4voNxYpRXCpisUb0ibgzxOJ6n5gyOp+ygLtzNPLY1JSFsBNFC+/KHhQzIQyM"
    "wwqhNO8bbHb+a6rfVSumOmSSG+6wI/fyEBYGT9RzC8+wBf43l4z89MCA+o4sdAfu7aGN51"
    "yx0nTOf4XEBFU6AttTx/fVYevSEtrGaPslat2W0xKyvr61ZSVE+QJyv0KSklbXV/2Qtylh"
    "kr8Ijy9HE3xHEDX2vWl05g3nIviOX0/piAFa1r2r91Nw4zqWalEuiIFjxsuJd+dYRFmwZB"
    "6I4xFQneZ5Ui47yRa6msuVDkuDxUsiEI3QLe52HxJGe7oykZedq4Y+8/Gfg5QqE1HUHPkY"
    "Ddd2wHsIhsykVxBy686HUPPC4B75n6vLLwUJFhm4rGrpWGALcR2+NuucdoPeBI7rO5S/hO"
    "/VvSx7v8qfgkBqAVYrfxLcZ9fihptfixH7e0d9dC3FGg5/X/c+fTq9uLjuwVMV1Z16/P13"
    "gyF8TR+pvn2AluXbJ7tTMjc/TJDdPilRr6IdNwXTqg6DMtwVdjasDjk+1EWD1fahw9MNpB"
    "XvXDAqXqL/Rq92xQziXsaUi+sWqfOg6Ip2MJ0jMcyQWdL4F66pLPV1Q2Rion4sEWdI+oZh"
    "w1mYopE4JUKjEAcGPkzR1c+fN1HmxmWWkv4p85fLNMjN0Oow996vQvEigGPl+OIvkbwj+A"
    "TaQ0A4qMwLiX+Uuj3fhu4u5RijI0FNoU9hV9wj2DK71tb0lRYE46cXnd8zpQXZDdDtrMje"
    "SD5EczXR4fKsXf0+AWonjnuf5QLDDD40C4W1SARDOylrf6REwfmJjkqmACI3MPU1fWMru4"
    "AyMBLajlQra26GHGxL9wRcwooMCAxghKsqmIKXWtjzHCLv2+SXJOH7xwU3+iqTbYXKj67l"
    "dnxC8tJ9+lWa0snBSvv1clQsG7hhb9+TbMM6Zszm4ENV2rD4lwfyqngww1a+Ddfi4ZvOiQ"
    "rt3jX0HB2kzUErMs15CgqFKoopOReFBD/oYKm6lk2iIVAxE0z/5mTppWZZs/qR81jUJF8M"
    "12Yabi3wKO8nqlqiIw+5YpmOtqG6Xp0Ogx+tPiZj0Odc8QSMBMtl0seQ7bYvfFDdsyJ9Iw"
    "xQesFz1UnyTLoeaAssAU84LX/JfO/nmUgv835JXvjXnqcPiXoBAZ04UOGcRMyfbwBZMq5L"
    "u2/LCXhKUX5dGvyzI3mXBv8MaNzlbXf97x4DdktCpJ9DE67GI6YrN7UycYsGsNzVH2hrrv"
    "zj7Bm42dTodMkIA2EuMJ0PGPx3zTUj1hEm3MRJkD9rmEl7iH6kB5s1qsB5GuY6KCwyTxLg"
    "lswj7IbHJ6ZN+Erv1OhPPBaMJ8njqJCHkaWJ58Mcmr+XJ3Lod4IpnyNzZ5SkdWRHLszuOK"
    "MIu64D8TGpXlGhw37msZEDPaPumXfLJ4T4YYVDrrwXcGZg89kQTyX76QWGsJx1fWRxYkeX"
    "DdHKbAhzfd1i81pBMd1WmS71yPY+4hPovhKalLWwF7mfKfLIjHk+j0snWx6xVeTjtfyx1z"
    "1DVMU6PrD5sPol4+m3Fki/VLBjVCpdXhj5WumK8ZXVWF8MuOUg+TC/obCyevFhzkO2mpg/"
    "eGKhezZT0aGw5HzWAtqJeiqmAkijqEvDWW5s1vI6CvtVDrAYVVxJYT93gCNfUi0HSQqobY"
    "lNn6NqzpBJxsM69pjKSBtoIdyXigMWf8+wXKEh3HGpKTbPfdU9UIdyCcQmXVtRFrDBu5V6"
    "lWmOA1llD0kO8akMr4nuQujoHd6D0LggT8T64Bt2hz0Sx+SMSFk9Tzv9RaaqjXoD2J8Jfe"
    "BOeh15wGdmD+Xi4ZtuaxSpLnnilCSM6UDtyBaDz9bOFgNrC2V7ijxcU+N2Zp5zh605SuJ7"
    "T5FYIJcfhRZie3+HUOAHNCdc1gvigWfI/13HB7acJRb/hmFBbE6xKGwAbXFe6Rmdq3aVSa"
    "sEvcgdFMCDVpUI37DAD6VdsS/l8QZlJgkTNxkWGp17yyI1ZcNwhw9BWHD8qbGA2aJ0A/Mc"
    "7U07mCO1UkgX8UMFSNAJO7Y5W8DIHpaaZCtpBg69c+rnFGlQLaXkuVqhrMKSqh4mFjUhoN"
    "oIcVjc1u4cTl9AgWObA/JWmmlLCUK+M3LCFDsyxaZY1RLrlhG6kTofazNwQJ6lkC1HI6Sv"
    "nqMxQztMjsNiUibeB9QlnKOri8FPYH6SquxYXMJ23Paj2Bqypq9sXmfu4th6zyHgxSaWYy"
    "9F5jRkF9bUNirnIkSqeNblpY2LskZreNfP44keLeUXVKN/gjEIsgYFGHWhZq64m8QPtG75"
    "qUoy0LOfpbwK1iVOoKGcuL5kb8wd+OZpPmohb01eAfFh5vVqiI8LDrYC8Q3vTFllbEUEXY"
    "EM8wt/UkjqglxaFeSiV76TyKwe65IP1tNDXvS3TUe+/ByQgAyw6xrbPGhv+2VRL3/CuKEf"
    "D1wY9AL1auN8L91g9ALJucBZE9BQBVUW9D4KPPHjrLl4F0be9SFlF/fjXqB5BWZN37mm1/"
    "RC2rzDqTn4LcRvphwrcy7m0DrCU626EVRmhyX10ZTdRTE0AlRcTS7Bd6H9TC3pmu6E+eX8"
    "pYbX3T5UTopHyaKLAbSmULqVR+SfcV9n6QCbcuLelXWnSHwT4W+WupkWuhlttzh7baUeFu"
    "+ccWFiszHAx5DNHB7N1rKTMJX5bwcHr18fH+y/Pjp5c3h8/OZkP85pzr8qS25+d/4PsHak"
    "RO3I/FHSw+JRuKmWEOmgLBl6UBXEQELTD4T6CcRUC6c62Ia9Vtq5q0opDaTNpFoykbR5FH"
    "fZuuvO1jWEkZWxepOYvuUSiyk5QTIGFeYq/uQEjSAX9w67gfRh3KOd/xCPqYh26fYS97Ms"
    "HGJgPE1OvMWbpmus2jVWbTtaS1LIusSmXrmm2zVW3QBeV2msuqKtp9QGIG1jV6r1Rc9gBU"
    "i975fZAaSncMi1oYvTXxAXe4TYe+KOVI7GuKtAOE8f3YIdl4WaNoRzem8jhf7WITJlLIyz"
    "x8hnt4Qa4lTW9pkuBeaRpsBIEtbuBpKGakY3WEsvkKtPZ3sHb46iph1qE4vtrsilNjD4Ng"
    "Q1hV6AAE03WMikFqYvfHlaEKZzRiF2On+eGp99wz1BBA+opxHGAG1WB3szzDkkqqAdTiDU"
    "SswKiQyCDI5QJeyA7MpSQh5z0c404IISxEfBDA0uBz/tqtaRbo7WTU3aVS5qmcTyaGMBcp"
    "WLOBFMecmqRRpsR+pWk1qJl/WkJh2mU5PL1WSJqwb0uDrO9pYidqEyp++rNvWkTHBfpMlF"
    "hFmkxgW8aoPKM9212kfQI1H6NlMxNkrfCoNvQImaETZzQ3MotpQ306S4NTp3p609Um0Ndm"
    "PdogU6THs1tSV9OEdVgqSPimOkj/Lt9kI5v7ZOnANstY6EvTGjB47dR5e/nl39hCAdeCqY"
    "t6d1wTgxuHJqwJWHt795UyW8/c2b4vB2eJemnVC+ah2NaHy7KSWZ/UMqA2VBx4xqIBvune"
    "EzfybUDKFWGjSUChXAM/DtrgMOWj9Si+0nlbvfSqNA5NmM2kjLJBFvymWIrW1KO11xsu3X"
    "Cpe007KulyO+NkG7qX8WUiss4m4jO5CtggXB9oJZH7KI0Jz4EbFMyWfLTdESSiuLgk9meV"
    "qXhUTkYZeKj9hgbT9YrLTwyc4qCJYtw+xhM8tQRXUKQ4Nv2HAF+feOVZBdvuqErYiOsB0O"
    "pKibW6qDtTO5tAnpv8kUXi5WPGU10axBtRPLvQ9iebHCiqAFDfpjim8J8gL6x1vkkZHc9U"
    "LEERKnHUhdz9RPY8lZtkLLEXZcaWz3yXTm1+nZa4BsV1jZlTOmezL4y2O+78ItNiNeRBqD"
    "V23x+PW3xb0VKC3p9lNiTc/AdjmUbTamd+6xZ0HmrlT9Bh0oXan6dZaqr5LwHQZzNZEtqk"
    "W8PU7+1XjGaKnj6Yx4jjXpGbxO4Zt+mcsJJ2MWuZuK0dCwc+e55KqtKDwW+2zuiMeNnLDY"
    "Lq2BtNk0vaTPZi2mfzhUNTAcDn+C2H1VqW7Qq5K6Qa8MdYMY9Y1F4IqLSmogmy8puR2Rqb"
    "ECjTWqvDR/mX3/f8c92h4="
)
