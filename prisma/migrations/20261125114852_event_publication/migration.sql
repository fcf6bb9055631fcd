-- CreateTable
CREATE TABLE "gateway_event_publication" (
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "kafka_partition" INTEGER NOT NULL,
    "kafka_offset" BIGINT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_event_publication_pkey" PRIMARY KEY ("event_id")
);
