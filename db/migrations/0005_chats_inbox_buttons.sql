CREATE TABLE `button_payloads` (
	`token` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `button_payloads_created_at` ON `button_payloads` (`created_at`);--> statement-breakpoint
CREATE TABLE `chats` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`language` text,
	`status` text NOT NULL,
	`status_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`)
);
--> statement-breakpoint
CREATE TABLE `inbound_events` (
	`platform` text NOT NULL,
	`event_id` text NOT NULL,
	`payload` text NOT NULL,
	`received_at` text NOT NULL,
	`finished_at` text,
	PRIMARY KEY(`platform`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `inbound_events_finished_at` ON `inbound_events` (`finished_at`);