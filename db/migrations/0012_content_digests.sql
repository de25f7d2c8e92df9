CREATE TABLE `content_drafts` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`draft` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`platform`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `content_items` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`language` text NOT NULL,
	`language_group` text NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`starts_at` text,
	`ends_at` text,
	`time_zone` text,
	`published_at` text NOT NULL,
	`source` text NOT NULL,
	`source_ref` text,
	`feed_key` text,
	`content_hash` text NOT NULL,
	`added_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_items_id_unique` ON `content_items` (`id`);--> statement-breakpoint
CREATE INDEX `content_items_kind_starts` ON `content_items` (`kind`,`starts_at`);--> statement-breakpoint
CREATE INDEX `content_items_added` ON `content_items` (`added_at`);--> statement-breakpoint
CREATE INDEX `content_items_published` ON `content_items` (`kind`,`published_at`);--> statement-breakpoint
CREATE INDEX `content_items_url` ON `content_items` (`url`);--> statement-breakpoint
CREATE TABLE `digest_deliveries` (
	`period` text NOT NULL,
	`recipient_key` text NOT NULL,
	`status` text NOT NULL,
	`owner` text NOT NULL,
	`claimed_at` text NOT NULL,
	`parts_sent` integer DEFAULT 0 NOT NULL,
	`part_in_flight` integer DEFAULT -1 NOT NULL,
	`reply_json` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`finished_at` text,
	PRIMARY KEY(`period`, `recipient_key`)
);
--> statement-breakpoint
CREATE INDEX `digest_deliveries_status` ON `digest_deliveries` (`period`,`status`);--> statement-breakpoint
CREATE TABLE `digest_subscriptions` (
	`recipient_key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`member_id` text,
	`platform` text NOT NULL,
	`user_id` text,
	`conversation_id` text NOT NULL,
	`thread_id` text,
	`language` text NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`countries` text DEFAULT '[]' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `digest_subscriptions_member` ON `digest_subscriptions` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_preferences` (
	`member_id` text PRIMARY KEY NOT NULL,
	`time_zone` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
