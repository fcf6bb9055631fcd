-- The schema is unchanged: the column now holds the secret encrypted by the connector, which also
-- seals the rows written in clear before (it has the key; this migration must not). Said where a
-- database administrator looks.
COMMENT ON COLUMN "webhook_subscription_secret"."secret" IS 'encrypted: sc1:<key id>:<iv>:<ciphertext>:<tag> (AES-256-GCM, eshop-connector WEBHOOK_SECRET_ENCRYPTION_KEY); clear whsec_ only in rows from before encryption, until the connector seals them';
