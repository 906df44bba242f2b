package dev.clinicflow.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduling housekeeping, run by db-scheduler (once per interval across all instances):
 * patients' appointment figures left due by a stopped service or a failed recount are
 * recounted every minute.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingJobs {

	@Bean
	RecurringTask<Void> recountOverdueFigures(PatientAppointmentFigures figures) {
		return Tasks.recurring("recount-overdue-figures", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> figures.recountOverdue());
	}

}
