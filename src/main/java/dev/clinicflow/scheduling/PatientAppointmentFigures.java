package dev.clinicflow.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.patients.PatientsMerged;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each patient's appointment analytics in the registry current: after every
 * committed appointment change, the patient's appointments are counted again, in the
 * event's clinic bound before the transaction begins so that row-level security sees it
 * (which also repairs any count a lost event left stale) and handed to the patients
 * module. The event publication registry retries a failed update.
 * <p>
 * Recounts run one batch at a time: every update of a patient also updates a few counter
 * rows shared by the whole clinic ({@code patients.patient_counts}), so concurrent
 * recounts only queue on those rows, each holding a database connection while it waits
 * (under booking load they took most of the pool). A listener queues its patient and
 * waits; the first one to find no batch running recounts everything queued, up to
 * {@value #BATCH} patients of a clinic per transaction, counted with one query and stored
 * with one update, so one transaction (one commit, one pass of the counter triggers)
 * serves many bookings. When a batch fails, its patients are recounted one by one, and a
 * listener whose own recount failed fails, as before, for the registry to retry.
 */
@Component
class PatientAppointmentFigures {

	/** The most patients recounted in one transaction. */
	static final int BATCH = 100;

	private final AppointmentStore store;

	private final PatientDirectory patients;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Recount> queued = new LinkedBlockingQueue<>();

	private final ReentrantLock running = new ReentrantLock();

	PatientAppointmentFigures(AppointmentStore store, PatientDirectory patients, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.transactions = new TransactionTemplate(transactions);
		this.patients = patients;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(AppointmentChanged event) {
		recount(event.tenantId(), event.patientId());
	}

	/** A merge moved the source's appointments to the target. */
	@Async
	@TransactionalEventListener
	void on(PatientsMerged merged) {
		recount(merged.tenantId(), merged.targetId());
	}

	private void recount(UUID tenantId, UUID patientId) {
		Recount recount = new Recount(tenantId, patientId, new CompletableFuture<>());
		this.queued.add(recount);
		// Whoever finds no batch running recounts what is queued. The one that
		// ran a batch looks again after letting go, so a recount queued while it
		// finished is never left behind.
		while (!this.queued.isEmpty() && this.running.tryLock()) {
			try {
				drain();
			}
			finally {
				this.running.unlock();
			}
		}
		try {
			recount.done().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
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
					// whatever went wrong, no listener may wait for ever
					recounts.forEach((recount) -> recount.done().completeExceptionally(ex));
				}
			});
			batch.clear();
		}
	}

	/** Recounts patients of one clinic in one transaction, else one by one. */
	private void recount(UUID tenantId, List<Recount> recounts) {
		Set<UUID> patientIds = new LinkedHashSet<>();
		recounts.forEach((recount) -> patientIds.add(recount.patientId()));
		try {
			CurrentTenant.run(new TenantId(tenantId),
					() -> this.transactions.executeWithoutResult((status) -> this.patients
						.recordAppointmentFigures(this.store.figures(patientIds, this.clock.instant()))));
			recounts.forEach((recount) -> recount.done().complete(null));
		}
		catch (RuntimeException batchFailure) {
			for (Recount recount : recounts) {
				try {
					CurrentTenant.run(new TenantId(tenantId),
							() -> this.transactions
								.executeWithoutResult((status) -> this.patients.recordAppointmentFigures(
										this.store.figures(List.of(recount.patientId()), this.clock.instant()))));
					recount.done().complete(null);
				}
				catch (RuntimeException ex) {
					recount.done().completeExceptionally(ex);
				}
			}
		}
	}

	/** A patient to recount, and whether that is done. */
	private record Recount(UUID tenantId, UUID patientId, CompletableFuture<@Nullable Void> done) {
	}

}
