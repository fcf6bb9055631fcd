-- DropIndex
DROP INDEX "webhook_delivery_status_next_attempt_at_idx";

-- Due deliveries: only pending rows are in this index, so the dispatcher's scan (ordered by
-- next_attempt_at, LIMIT) never wades through delivered ones. Written by hand: the schema
-- language has no partial indexes (see the comment on WebhookDelivery in schema.prisma).
CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery"("next_attempt_at") WHERE "status" = 'pending';

-- A queue table: every attempt rewrites its row. Vacuum and analyze it after 1 % of changes
-- (not the default 10-20 %), so dead index entries and the planner's idea of how many rows are
-- pending stay close to the truth through bursts.
ALTER TABLE "webhook_delivery" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
