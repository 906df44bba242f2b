package dev.clinicflow.identity.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.Role;
import dev.clinicflow.identity.UserDirectory;
import dev.clinicflow.identity.UserRequests;
import dev.clinicflow.identity.UserView;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Versions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration within the caller's tenant.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

	private final UserDirectory directory;

	UserController(UserDirectory directory) {
		this.directory = directory;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a staff user with a temporary password or an invitation (ADMIN)")
	@ApiResponse(responseCode = "201", description = "Created; `inviteToken` is shown only now")
	@ApiResponse(responseCode = "409", description = "`email_taken`: the e-mail already has an account")
	ResponseEntity<UserRequests.Created> create(@Valid @RequestBody UserRequests.Create request) {
		UserRequests.Created created = this.directory.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
			.eTag(Versions.etag(created.user().version()))
			.body(created);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "List users, by role and active state (ADMIN, STAFF)")
	CursorPage<UserView> list(@RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.directory.list(role, active, limit, cursor);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Read a user (ADMIN, STAFF)")
	ResponseEntity<UserView> get(@PathVariable UUID id) {
		UserView user = this.directory.get(id);
		return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a user's role, active state or name (ADMIN)")
	@ApiResponse(responseCode = "409",
			description = "`own_access`: administrators cannot demote or deactivate themselves")
	ResponseEntity<UserView> update(@PathVariable UUID id, @Valid @RequestBody UserRequests.Update request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		UserView user = this.directory.update(id, request, ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
	}

}
