package dev.clinicflow.audit.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.audit.AuditQuery;
import dev.clinicflow.audit.AuditRecord;
import dev.clinicflow.shared.CursorPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's audit trail, for administrators.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Search the audit trail, newest first (ADMIN)")
	CursorPage<AuditRecord> search(@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable UUID entityId,
			@RequestParam(required = false) @Nullable UUID actorId,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.audit.search(new AuditQuery(entityType, entityId, actorId, from, to, limit, cursor));
	}

}
