DROP INDEX `documents_language_group`;--> statement-breakpoint
DROP INDEX `documents_country`;--> statement-breakpoint
CREATE INDEX `documents_language_group_year` ON `documents` (`language_group`,`year`);--> statement-breakpoint
CREATE INDEX `documents_country_year` ON `documents` (`country`,`year`);