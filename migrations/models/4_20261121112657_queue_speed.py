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
    "eJztPWtz2za2fwWjL7Fn5IzjOLbXuXdnnEc3vo3jNlZvt7vuqDAJSbymAJUg7Wjr/PeLA/"
    "ABkiBFSpRE2+yH1CJwQPAc4ADn/Vdvymzi8pdnHsG9U/RXj+IpEX+knvdRD89myVN44OMb"
    "V3bEUY8b7nvY8sWzEXY5EY9swi3PmfkOo9DzDFkMe5ygmYstgnYwosQZT25Y4E0Ys3f74v"
    "cd8RCmCNu2Rzh/CQPbzBIjO3S8whgBdf4MyNBnY+JPiCdG+vfv4rFDbfKN8Ojn7HY4cohr"
    "pxDh2DCAfD705zP57Jdfzj/8IHvC/G6GFnODKU16z+b+hNG4exA49kuAgbYxocTDPrE1RN"
    "HAdUN8Ro/UjMUD3wtIPFU7eWCTEQ5cQHfvv0YBtQDLaBr4AXaxeB33mYfH5GVIRw9Tm02H"
    "jv33cMoa+HD45XIwvPo4GA57OarB1DJECB9ZjALFHeoDAv/6rsZNECWf9uAF7z+dfd15fb"
    "QrUcO4P/Zko0Rj77sExD5WoJIYCfa5G4zz+H8/wZ4Z/1H/DAXERNeD+wg91RHau5JbB/EJ"
    "83wE34kCTmzkUDRi3pSLpWuLRR5Qn3iGDVAbOkOm3hR/G7qEjv2J+Hm0X0K2/z37Kil3tC"
    "8pJ9aTpbb8l7DlQDYBAROCyf/XIFjUvxmCRQ8SiiW8aAWSDSZE4XpG2AywT0ieMkWdSgnw"
    "6qAKBUSvQhLItjQNxh4LZnWIEAO0ngoh95cTjlf+LLhxHQt5ZCY2BUc7M8+5w9YczTw2dU"
    "Tvo10ztVYZbMPbSrBNR+IhR9Vz6puJqoNk6CpmvS667q/peBGTFf/bO3h1eHx48vro8ER0"
    "kbOMnxyX4Pz8yyCDUHFTce4MnOodYy7B1IzSBCiD0BsBtS6MRmfOZs/sd5eXn2HkKed/uv"
    "LB+SCzXH+5ePdR8Ca5ikUnxycJquE6NbrVjnR4cIOt23vs2cNUi3Z2EGJzA0lCsB9+/Epc"
    "XLCkw3vOFzFEe1hWXUIkT0O6p5asmCncYbHrOmRFNP0MQw3ESPOnhCxYY+yAFa26fNP0YF"
    "qwEEOZwoDmC0znAwb/Sh5xLiaBqWViChkRqhWXT5gMR5bLxElGKAvGE+RPsI8mxJ2hkTji"
    "EKNEHH7YmhAumghiIDAZBLEVBqpIz36IwmGBTOrBMif2MEe1IRtJujFP0v2WzNPNSkiL10"
    "XYDoJs2ORPPPii+GkMKjkgFeh2ieJ278+u3p99+AjPhzkCpy/G2dl1qyq3qurt96XXBzes"
    "Do362YWRXTirr44ca2ejEWmE2VzCQG1ZFytz9CIKx1+ZJTHQw0Rdid9a+15BRMqtJanqjT"
    "F1/iPP4kaIq4339Gmc+djKpNbg6lFcB6xPeHmfwBSP5SPAwfd+wpIC2/E/3hH51Xkla9La"
    "L1W1Qr8hiTsu1Lj+CkwYI7GuRiM0JdMb4iHbsZHP0P3EsSaCJVvMs08jpamQiKdTsVz8ed"
    "j7BUf3ooMUg5X4e2KQpdf3msV62796yQWuZwmqwRrBfg+6kW8z0ADL3RdCJlrdb0OFzhBG"
    "Ijrcbj0JK3Arf3yvpRp+54wLJXKjctggi4fborVbOZTF/3Zw8Pr18cH+66OTN4fHx29O9m"
    "OhPN9UJp2/O/8HSI19XbqMJPYS1TAst2E99bwOs4KSPkR2ywSipVTvaY2IScFUrDZMINqs"
    "N6y+rFM6vMMqOrzDYh3eYU6Hp7igQlINLGfAniCqDw4roPrgsBDV0GREtYk5LES0kTs8BT"
    "S/PqqA5pBXmNAMTWk0a+dtDs8fRIvvTIkZ12nIDLLtEPRl9McjRH0JqgfnFx+vBmcXP6X0"
    "qx/OBh+h5UA+nWee7mTJEg+Cfj0ffELwE/3r8svHLKOP+w3+1YM54cBnQ8ruh9jWcRI9jh"
    "7VUeCuqHYrvTi/FxQfM29uujbHbaWXZkvvVcFH4VYsGMRGCJTRp1JXcRM4rr/nUFBi8D5i"
    "ntRmWEwwC4din3kcfA2IbfJWWHG0zm+h81tYC+43dug8Rw+DXs212nuv7f4XiN1T5UgwYl"
    "JYDsSemKKIj72NOYhgFJ5yObDRzVzQGFOuDD95TrSWN2zes6Ezg3dm8M4M/rzN4EW2kjr4"
    "WdpM8hgQ1PkJrNdPoFxgUb6XPZO8EjaViytap8XSCkV4LG6lY0EU5fXZR1N2pxzZQNjgcM"
    "jLY1vp6hBW5ldpQ0i07SYHuYbHNkgy/+7NiOcwyaimRLzYkpcKXV4DQ03snMhZ4FlkCCJV"
    "7/dVxKBOR78pHX1C4Kq39QSizRq43nssLro29sSWoP6kj/74Tfy3d3Hxh+HqXdq19A5dRp"
    "DoBn1ceH8+zt6ek01WlRoJRJup0RoNv867qqJYh9mqiNpikT99DlQ2T6WgOtyacaufqjWQ"
    "mwF7Gth9VcVC8qrYQvIqZyG5w25gEq9LbiAxyBa1FfuP4eLREhPFOb1zfByiKXfp11pL7/"
    "1Oul8FQwWjZA+MY8h16O2pUuVRpHsxgQOOeKM7l2aGUNfHXJfgcUCg8f+YskOYLBdND9+Z"
    "Mh6pKcNnt4QOJ5hP6pwPaainZ9ao4rJwVOyycJRzWah7AG/+5F1CTEqxix3JLEBNIJkdsX"
    "fRQ+QuuCN5RYbB7ObYUgPjbfgCEDk63MxruqrlADt/tTRmybeZI1qXcD5JQ3bOJ61zPtHJ"
    "DHG5S9BYA2uAwI9nAz06+hr89auySANoxyQNcpEZ2XlM/8A84ozpj2RNASntxLApIsXD97"
    "EcYlpmxrCQ79uRPy+wb016BtFTNfTLpM5p3KWCwAl2aTTD4ui00b3jT+T1Cgypp5AcQSxE"
    "5SWCdWe2PsKWRWZiSYCMaBNLSJOhM8mEGKTOxt9xTSEIkUAnakv7VBxyAoQHU5WQVPkEHF"
    "1Eq+PBY19gQr0+DmMMoxVrBqQYlo7YU37Aq8SnSOIMxRDDEKbfTIhKJzo3eyUtDVEJ6VZZ"
    "rRpDtFqui/fiQ7L3HpKt94BGgTtyXFf+bcEhAn/n9vvywyxwPavkeVbieJbzOwsnWl+My0"
    "N2V5SMhKz47VDyYJO1vswVLQ+8QZe0+ImO24LjcxCfPAgLZBBbHS3+xOHh+YKmeA5JozLH"
    "kE187LiGTGCNjLgxT7gubOTZSXaCjzv2UmROQ3bye5upDDf2mmeiBtLkXbO9RK1xGuqZKi"
    "rrQTSY1t8u5LklZ/xWQiMmrnWpnACyEYlTTEw2lPccX5xpzLXr5oxZlRjPSzfV+1FcwZUh"
    "V9zGuZCQJ8S65SpuLW35hZtGcrsQtJKC+w688zRPzLx76QZ1XpSYbpW1dV1PzKW+n1FyaT"
    "zZrNzKMakm9IcV3fAfJ2dqYrxlVZbaiZAip/h09OWXz597hXzuqaqFN8jc1vyqJ6rGFojC"
    "0ncsr8gOm/qlqmyt00Jl9iUF2VkCQDgDlmh/AfELQsC03yKFFTvSARPZnqfz8sMYwyGik4"
    "qTP1cLcOg0vM3eCEs0vIJUOfQXunaGvTfn2LkEm7z0xNkjV2wY56MWM9oBUVsFBDPqztEt"
    "8DifyS4TFpjY4GpDrTvyNRBE8IYec2tFk2fAWq2lD7WDD7qxTPzSDwI4ZOBb4roZaEY8zq"
    "hgYoCoPE0bGnPDXlg3zDYEZXykljcHo8OAfCvYsRFgVqs891VoZTso3Uik8+fLdymdk0Dn"
    "u/MvZ19/27k4++duSvH0+fLLP6L+OsN899vg41mn7O3UgJ0asNNhNI7S1XUY25FsJNYNYk"
    "1EjWKZJiL7YoHmik0JXLPGhuyqCPNbIYSMwFPmlkLuF3nrCpUNlnit+ahvaMyaLjOJB0Sa"
    "/0dxkiGBtRy+gSfWsyWPaRfTcQBSYAX3GrlaPGKF2XQLPGuAx2mz096Vnl7Kuad0urXnqP"
    "I5MLhMl0y0ExBbKSBGW6F2AE0OsL0xNL1PF2fv964+nR28OYJkd76sraSmjwJqSxngloSC"
    "Hgt87tjSKQEB2m4wJ0m6iNcGObL54Tcc26Nxjark10BaLWMK3i/EP87E3n1AI5d8c6A83Y"
    "OQ+sV+vc+RcnH3DXt2qReDh6VXIKCY6ZOFKxNPWqMDb4IXgrRhxiExBbAtxCAxhrE9K/zp"
    "L8khsIKSIgPfbl2FqhYguPNcasP7YTohx1MlAE4RiT444dqHRUUHlhqmBToR5Ym3FLE12C"
    "UJvSF72yfB6n2mqv4AaaZ9JSM4I0U2awLlgsD5Hs81cvUjY+j9hNDYaKKKCxm8INf2lu2v"
    "EiEZjIjnRTVPllks+SFavWbarMcUTISywFTHpxIdEuCOAktSIBaca1yjdZhW36PBVySarO"
    "Jc91jFJt0QhCm/J55MvWf2MqkMWXq7PqlwuT4pvFuf5DILPYrolx6bEZrXKcRPG8kr1LjY"
    "8vysKuKkDzwkDjTLAXWZOuXjq93B7mlobZw6NBAcFUIBORFUsY2XhlWGesJWHBdzfyjTOz"
    "v+fInFZYJ/PEvsWRru5JV3KUaiA3YxGm2msWZ9qGoH0EA642xBms+6GX3SYB1ay23exclU"
    "a9u99UpBjxO1C23fmcWVsn9/FQzk6/n7QS/HFBrA7bKFqB8JXjU+WIDTYqcCzeIPqRxWTc"
    "Yf5/N4IqhOrcbQjXpVFCVO4E8RSRMHrOIGjli3NsinZKCngqd1e/BEKCtw5NEwWu7PM9SI"
    "WLGC80SMSCAhBiRcDc0dEF2iF407VXUXuExzA963PHK/VZWVRXeYtUEYXs8rugCHp+G/8u"
    "QCHKqr8BoOOIjrtlfVhsYArVZcw3qS+XkWJvMJ823lEvsEdEp86QPiT2xx+QLXkJcv84xq"
    "rW/acIFiwfSXCT5JQbV6WVSIE4GfENUou/G5IO40R/Plh9lSnt/no5B/lpq0LsyhC3PYtk"
    "qipWEOKpmDQTyKszwUC0ZxQonFEtEn4s4Qi7OCYsrofMoC7s7RyGNTU6zCTuQtvCsrVczE"
    "ZWAc5hGledtgs+NfU/2sWjEgIhNTcIcduZaHMDF4op5beIYtsL+5ZOSnOwbUd2Q6PDBvD2"
    "0854qVpjMDVAhMUAkmsD11fF9tti4soW2Mtl8i1m05LCFr61tbVEIULyDXK4Qyadl/1Ye8"
    "TV0m+Ytw+3I0wXcEUWN1nEZH3nAsgu/49YSOGKBlNb56PwU3rmOpQuaCGDhmvJx4d45FlA"
    "ZLxoE4HgHRaZ4n5bKDbKH2uZzpsNRZvMQD0Qi9VZKW796QMNrTlYm87Fg15JmP/xykRJmI"
    "ombPx6i7tgLegzNkJryCkFt3PoTMGAbzyP9cXX4pCLDIwGVFS8cCXYjr8LVp57QT9CZwXN"
    "+h/CW8r+5h2ftVfgqCWwuwWvlJcJ5dixNufi167O8d9dG1vNZw+H3d+/Tp9OLiugdPlVd3"
    "6vH33w2K8DW9pPryAVqWL5/sSsmc/DBAdvmkrnoV9bgpmFbVIZTurrCyYXbI8SF7Gsy2D3"
    "WgbiD4eOeCUdGI/hu92hUjiHMZUy6OW6T2g6Ir2sF0jkQ3Q2RJ42+4pjIh2A2RgYn6tkSc"
    "IWkbhgVnYYpGYpcIiUJsGHgxRVc/f95EMhyXWer2T5m/XKRBboRWu7n3fhWCFwEcK8MXf4"
    "nkGcEnUEQC3EFlXEj8Uer0fBuau5RhjI4ENYU8hV1xjmDLbFpb01ta4IyfnnR+zZSmbTdA"
    "tzNveyPxEM1lTofDs3aO/ASonTjufZYTDCP40Cy8rEVXMLST0vZHQhTsn2irZNIkcgNTX9"
    "M7trIKKAMloe1IsbLmYsjBtnRNwCGsyIBAAUa4ypUpeKmFPc8h8rxNviRx3z8uONFXGWwr"
    "VH50hbnjHZK/3aeb0pRONlbarpejYlnHDVv7nmSx1jFjNgcbqpKGxV8e3FfFgxm28sW6Fn"
    "ffdExUqPeuIefoIG12WpFhzlMQKFTqTMm5KAT4QZ1LVdtsEnWBvJqg+jcHSy81yprFj5zF"
    "oib5Yrg203Brjkd5O1HVFB15yBXTdLQN1fXydBjsaPUxGYM+54wnoCRYLpI+hmy3fuGDqr"
    "EVyRuhg9ILnstOkmfS9UBboAl4wmH5S8Z7P89Aehn3S/KXf+15epOoBnDoxIFy5yRi/HyZ"
    "yJJ+Xdh9W3bAU/Ly68Lgnx3JuzD4Z0DjLm67q5L3GLBb4iL9HEp1Ne4xXbn0lYlbNIDlLv"
    "9AW2PlH2dlwc2GRqdTRhgIc4HpfMDg3zXnjFiHm3ATO0F+1jAT9hB9pAeLNcrAeRrGOigs"
    "Mk8S4JbMI+yG2yemTdik13P0Jx4LxpPkcZTIw8jSxPNhDs3fywM59DPBFM+ROTNKwjqyPR"
    "dGd5xRhF3XAf+YVEWp0GA/89jIgcpS98y75RNC/DDDIVfWC9gzsPhs8KeSVfcCg1vOul6y"
    "OLCji4ZoZTSEOb9usXqtIJluq1SXumd7H/EJ1GgJVcqa24tczxR5ZMY8n8epky2P2Mrz8V"
    "p+7HXP4FWxjhds3q1+SX/6rTnSL+XsGKVKlwdGPle6YnxlOdYXA27ZST6MbyjMrF68mfOQ"
    "rSbmD56Y6J7NlHcoTDkftYB2osqLKQfSyOvSsJcbG7U8j8J+lQ0sehVnUtjPbeDIllTLQJ"
    "ICaltg0+comzNEkvEwjz2m0tMGCg33peCAxe8ZljM0uDsuNcTmua86B+pQLoHYpGkrigI2"
    "WLdSTZniOBBV9pDEEJ9K95roLIS63+E5CIUL8kSsD75hc9gjMUzOiLyr52mnN2Sy2qgWwP"
    "5MyAN30urIAz4zWygXd990WaNIdMkTpyRgTAdqR7QYvLZ2tBhoWyjbU+Thmhi3M/OcO2zN"
    "UeLfe4rEBLl8KZQQ2/s7uAI/oDnhMl8QDzxD/O86XrDlKLH4G4YFvjnFV2EDaIvjSs/oXB"
    "W1TEol6EnuIAEeFLRE+IYFfnjbFetSbm8QZhI3cZNiodGxt3ylpmwYrvAhXBYcf2pMYLYo"
    "3MA8RnvDDuZIzRTCRfxQABJ0wo5tjhYwsoelBtlKmIFD75z6MUUaVEspea5mKLOwpLKHiU"
    "lNCIg24josTmt3DrsvoMCxzQ55K420pQAh3xk5YYgdmWKTr2qJdssI3Uiej7UpOCDOUtwt"
    "RyOkz56jMUM7TPbDYlAm2gPqEs7R1cXgJ1A/SVF2LA5hOy77UawNWdNbNi8zd35svefg8G"
    "ITy7GXInMasnNrahuVcx4iVSzr8tDGRVGjNazr5/FAj5byC7LRP0EfBJmDApS6kDNXnE3i"
    "A61bfqqCDPToZ3lfBe0SJ1BQThxfsjbmDrzzNO+1kNcmr4D4MPJ6NcTHCQdbgfiGV6bMMr"
    "Yigq7gDvMLf1JI6pxcWuXkome+k8is7uuSd9bTXV701qY9X34OSEAG2HWNZR601n6Z18uf"
    "0G/oxx0XOr1Avto43ktXGL1Aciww1gQ0FEGVBr2PAk98nDUXbaHnXR9CdnE/rgWaF2DW9J"
    "5rek0vpM47HJqD3UJ8M+VYqXMxh9IRnirVjSAzO0ypj6bsLvKhEaDiaHIJvgv1Z2pK13Qn"
    "jC/nLzW87vYhc1LcSyZdDKA0hZKtPCJ/xnWdpQFsyol7V1adIrFNhN8sZTPNdTNabnH02k"
    "o1LN4548LAZqODjyGaOdyarWUnYSjz3w4OXr8+Pth/fXTy5vD4+M3JfhzTnG8qC25+d/4P"
    "0HakrtqR+qOkhsWjMFMtcaWDtGToQWUQgxuaviHUJxBTLpzqYBu2Wmn7riqlNJA2k2rJQN"
    "LmUdxF6647WtfgRlbG6k3X9C2nWEzdEyRjUG6u4icnaASxuHfYDaQN4x7t/Id4THm0S7OX"
    "OJ9l4hAD42ly4C2eNF1h1a6watvRWhJC1gU29col3a6w6gbwukph1RV1PaU6AKkbu1KlL3"
    "oGLUCqvV+mB5CWwiHXui4Of0FcrBFi74kzUhka46oC4Th9dAt6XBZK2uDO6b2NBPpbh8iQ"
    "sdDPHiOf3RJq8FNZ22u6EJhHGgIjSVi7GkgaqhnZYC21QK4+ne0dvDmKinaoRSyWuyKXWs"
    "Bg2xDUFHIBAjTdYHEntTB94cvdgjCdMwq+0/n91PjoG64JInhAPYkwBmizONibYc4hUAXt"
    "cAKuVmJUCGQQZHCEKGEHZFemEvKYi3amAReUID4KZmhwOfhpV5WOdHO0bmrQLnNRy24sj9"
    "YXIJe5iBPBlJfMWqTBdqRuNanV9bLerUmH6cTkcjFZ4qoBOa6Osb2liF0ozOnrqk01KRPc"
    "F0lyEWEWiXEBr1qg8kw3rfYR1EiUts2Uj42St0LnGxCiZoTN3FAdii1lzTQJbo2O3Ulrj1"
    "Rag9VYN2mBDtNeSW1JG85RFSfpo2If6aN8ub3wnl9bJs4BtlpGwt6Y0QPH7qPLX8+ufkIQ"
    "DjwVzNvTqmCcGEw5NeDK3dvfvKni3v7mTbF7O7SlaSeEr1pbI+rfbkpJZv+QikBZUDGjGs"
    "iGa2f4zJ8JMUOIlQYJpUIG8Ax8u/OAg9SP1GT7Sebut1IpEFk2ozLSMkjEm3LpYmubwk5X"
    "HGz7ucIl7bSo6+WIrw3QbuqfhdQKk7jbyA5kqWBBsL1g1ocoIjQnfkQsU/DZckO0hNJKo+"
    "CTWZ7WZS4Redil/CM2mNsPJis1fLKyCoJpSzd7WMzSVVHtwlDhGxZcQf69YxVEl686YCu8"
    "I2yHAynqxpbqYO0MLm3i9t9kCC8XM56ymmjWoNqJ5d4HMb1YYEVQggb9McW3BHkB/eMt8s"
    "hIrnpxxRE3TjuQsp6pnsaSo2yFliPsuFLZ7pPpzK9Ts9cA2S63sitnTPek85fHfN+FU2xG"
    "vIg0Bqva4v7rL4t7K1BaUu2nRJuege1iKNusTO/MY8+CzF2q+g0aULpU9etMVV8l4Dt05m"
    "oiWlTzeHuc/KvxiNFSw9MZ8Rxr0jNYncKWfpnJCSd9FpmbitHQsHHnucSqrXh5LLbZ3BGP"
    "GzlhsV5aA2mzanpJm81aVP+wqWpgOOz+BLH7qlLeoFcleYNeGfIGMeobk8AVJ5XUQDafUn"
    "I7V6bGEjTWyPLS/GH2/f8B7J/mYQ=="
)
