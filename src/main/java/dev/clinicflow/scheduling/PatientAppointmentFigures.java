package dev.clinicflow.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.patients.PatientsMerged;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.TenantId;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each patient's appointment analytics in the registry current: the transaction
 * that changes an appointment notes that the patient's figures are due
 * ({@code scheduling.figures_due}, decision 0017), and once it has committed the
 * patient's appointments are counted again, in the clinic's context so that row-level
 * security sees it (which also repairs any count left stale before), and handed to the
 * patients module. The transaction that stores the figures deletes the notes it served,
 * so a change is never left uncounted: should the service stop before the recount, or the
 * recount fail, the sweep ({@link #recountOverdue}, every minute) does it.
 * <p>
 * Recounts run one batch at a time: every update of a patient also updates a few counter
 * rows shared by the whole clinic ({@code patients.patient_counts}), so concurrent
 * recounts only queue on those rows, each holding a database connection while it waits
 * (under booking load they took most of the pool). The first recount to find no batch
 * running recounts everything queued, up to {@value #BATCH} patients of a clinic per
 * transaction, counted with one query and stored with one update, so one transaction (one
 * commit, one pass of the counter triggers) serves many bookings. When a batch fails, its
 * patients are recounted one by one.
 */
@Component
class PatientAppointmentFigures {

	private static final Logger log = LoggerFactory.getLogger(PatientAppointmentFigures.class);

	/** The most patients recounted in one transaction. */
	static final int BATCH = 100;

	/**
	 * How long a recount may stay due before the sweep takes it for one left behind (a
	 * stopped service, a failed batch): far longer than a recount takes under load.
	 */
	static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);

	/** The most overdue recounts one sweep takes. */
	static final int SWEEP = 10_000;

	private final AppointmentStore store;

	private final PatientDirectory patients;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final BlockingQueue<Recount> queued = new LinkedBlockingQueue<>();

	private final ReentrantLock running = new ReentrantLock();

	PatientAppointmentFigures(AppointmentStore store, PatientDirectory patients, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.store = store;
		this.patients = patients;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		this.executor = executor;
	}

	/**
	 * Notes, in the transaction that changes a patient's appointments, that the patient's
	 * figures are due: recounted once it commits, or by the sweep if that never happens.
	 * @param patientId the patient
	 */
	void due(UUID patientId) {
		UUID tenantId = CurrentTenant.require().value();
		UUID id = Ids.next();
		this.jdbc.sql("insert into scheduling.figures_due (tenant_id, id, patient_id, due_at) values (?, ?, ?, ?)")
			.params(tenantId, id, patientId, Timestamp.from(this.clock.instant()))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				queue(new Recount(tenantId, patientId, id, new CompletableFuture<>()));
			}

		});
	}

	/** A merge moved the source's appointments to the target. */
	@Async
	@TransactionalEventListener
	void on(PatientsMerged merged) {
		Recount recount = new Recount(merged.tenantId(), merged.targetId(), null, new CompletableFuture<>());
		queue(recount);
		try {
			// the event publication registry retries the listener if this fails
			recount.done().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Recounts the figures that have been due for longer than {@link #OVERDUE_AFTER}, in
	 * every clinic, and waits for them.
	 * @return how many were due
	 */
	int recountOverdue() {
		List<Recount> overdue = this.jdbc.sql("select tenant_id, id, patient_id from scheduling.overdue_figures(?, ?)")
			.params(Timestamp.from(this.clock.instant().minus(OVERDUE_AFTER)), SWEEP)
			.query((row, n) -> new Recount(row.getObject("tenant_id", UUID.class),
					row.getObject("patient_id", UUID.class), row.getObject("id", UUID.class),
					new CompletableFuture<>()))
			.list();
		overdue.forEach(this.queued::add);
		drainWhileIdle();
		int failed = 0;
		for (Recount recount : overdue) {
			try {
				recount.done().join();
			}
			catch (CompletionException ex) {
				failed++;
			}
		}
		if (!overdue.isEmpty()) {
			log.info("Recounted the appointment figures of {} overdue patients ({} failed, left for the next sweep)",
					overdue.size(), failed);
		}
		return overdue.size();
	}

	private void queue(Recount recount) {
		this.queued.add(recount);
		try {
			this.executor.execute(this::drainWhileIdle);
		}
		catch (TaskRejectedException ex) {
			// The executor is shutting down. Not here instead: after a commit this
			// thread still holds the committed transaction's connection. The note stays
			// for the sweep (for a merge, the event publication registry retries).
			if (this.queued.remove(recount)) {
				recount.done().completeExceptionally(ex);
			}
		}
	}

	/**
	 * Whoever finds no batch running recounts what is queued. The one that ran a batch
	 * looks again after letting go, so a recount queued while it finished is never left
	 * behind.
	 */
	private void drainWhileIdle() {
		while (!this.queued.isEmpty() && this.running.tryLock()) {
			try {
				drain();
			}
			finally {
				this.running.unlock();
			}
		}
	}

	private void drain() {
		List<Recount> batch = new ArrayList<>();
		while (this.queued.drainTo(batch, BATCH) > 0) {
			Map<UUID, List<Recount>> byTenant = new LinkedHashMap<>();
			for (Recount recount : batch) {
				byTenant.computeIfAbsent(recount.tenantId(), (tenant) -> new ArrayList<>()).add(recount);
			}
			byTenant.forEach((tenantId, recounts) -> {
				try {
					recount(tenantId, recounts);
				}
				catch (RuntimeException | Error ex) {
					// whatever went wrong, nobody may wait for ever
					recounts.forEach((recount) -> recount.done().completeExceptionally(ex));
				}
			});
			batch.clear();
		}
	}

	/** Recounts patients of one clinic in one transaction, else one by one. */
	private void recount(UUID tenantId, List<Recount> recounts) {
		try {
			store(tenantId, recounts);
			recounts.forEach((recount) -> recount.done().complete(null));
		}
		catch (RuntimeException batchFailure) {
			for (Recount recount : recounts) {
				try {
					store(tenantId, List.of(recount));
					recount.done().complete(null);
				}
				catch (RuntimeException ex) {
					log.warn("Recounting the appointment figures of patient {} failed; the sweep will try again",
							recount.patientId(), ex);
					recount.done().completeExceptionally(ex);
				}
			}
		}
	}

	/**
	 * Counts and stores the patients' figures and deletes the notes that they were due.
	 */
	private void store(UUID tenantId, List<Recount> recounts) {
		Set<UUID> patientIds = new LinkedHashSet<>();
		recounts.forEach((recount) -> patientIds.add(recount.patientId()));
		UUID[] served = recounts.stream().map(Recount::dueId).filter(Objects::nonNull).toArray(UUID[]::new);
		CurrentTenant.run(new TenantId(tenantId), () -> this.transactions.executeWithoutResult((status) -> {
			this.patients.recordAppointmentFigures(this.store.figures(patientIds, this.clock.instant()));
			if (served.length > 0) {
				this.jdbc.sql("delete from scheduling.figures_due where id = any(?)").param(served).update();
			}
		}));
	}

	/**
	 * A patient to recount, the note that it was due (none for a merge, which the event
	 * publication registry retries), and whether that is done.
	 */
	private record Recount(UUID tenantId, UUID patientId, @Nullable UUID dueId,
			CompletableFuture<@Nullable Void> done) {
	}

}
