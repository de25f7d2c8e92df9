CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` text NOT NULL,
	`number` integer NOT NULL,
	`answerer_id` text NOT NULL,
	`platform` text NOT NULL,
	`text` text NOT NULL,
	`accepted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`hidden_at` text,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answerer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `answers_question` ON `answers` (`question_id`,`number`);--> statement-breakpoint
CREATE TABLE `question_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`conversation_kind` text NOT NULL,
	`thread_id` text,
	`text` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `question_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` text NOT NULL,
	`answer_number` integer,
	`kind` text NOT NULL,
	`platform` text NOT NULL,
	`conversation_id` text NOT NULL,
	`language` text NOT NULL,
	`message_ids` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_posts_question` ON `question_posts` (`question_id`,`answer_number`);--> statement-breakpoint
CREATE TABLE `question_routes` (
	`question_id` text NOT NULL,
	`expert_id` text NOT NULL,
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'sent' NOT NULL,
	`sent_at` text NOT NULL,
	`reminded_at` text,
	PRIMARY KEY(`question_id`, `expert_id`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`expert_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`asker_id` text NOT NULL,
	`asker_platform` text NOT NULL,
	`asker_user_id` text NOT NULL,
	`text` text NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`country` text,
	`language_group` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`origin_platform` text NOT NULL,
	`origin_conversation_id` text,
	`origin_thread_id` text,
	`created_at` text NOT NULL,
	`first_answered_at` text,
	`moderators_reminded_at` text,
	`hidden_at` text,
	FOREIGN KEY (`asker_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `questions_status` ON `questions` (`status`,`created_at`);