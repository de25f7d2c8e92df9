CREATE TABLE `search_outbox` (
	`change` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_sync_state` (
	`target` text PRIMARY KEY NOT NULL,
	`collection` text NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`seq_cursor` integer DEFAULT 0 NOT NULL,
	`synced_at` text
);
