-- Finished deliveries by age, for the retention job: only delivered and discarded rows are in
-- this index (parked ones wait for an operator). Written by hand: the schema language has no
-- partial indexes (see the comment on WebhookDelivery in schema.prisma).
CREATE INDEX "webhook_delivery_finished_idx" ON "webhook_delivery"("created_at") WHERE "status" IN ('delivered', 'discarded');
