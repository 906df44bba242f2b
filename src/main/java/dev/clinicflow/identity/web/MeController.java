package dev.clinicflow.identity.web;

import java.io.IOException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.ProfilePhotos;
import dev.clinicflow.identity.UserDirectory;
import dev.clinicflow.identity.UserRequests;
import dev.clinicflow.identity.UserView;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.Versions;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The authenticated user's own profile and the users' photos.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class MeController {

	private final UserDirectory directory;

	private final ProfilePhotos photos;

	MeController(UserDirectory directory, ProfilePhotos photos) {
		this.directory = directory;
		this.photos = photos;
	}

	@GetMapping("/me")
	@Operation(summary = "Read my profile")
	ResponseEntity<UserView> me() {
		UserView user = this.directory.get(CurrentActor.requireUserId());
		return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
	}

	@PatchMapping("/me")
	@Operation(summary = "Change my name, phone, locale or password (the current password is required)")
	ResponseEntity<UserView> updateMe(@Valid @RequestBody UserRequests.UpdateMe request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		UserView user = this.directory.updateMe(request, ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
	}

	@PostMapping(path = "/me/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload my photo (JPEG, PNG or WebP, at most 2 MB; the type is read from the content)")
	@ApiResponse(responseCode = "204", description = "Stored")
	@ApiResponse(responseCode = "413", description = "`payload_too_large`: over 2 MB")
	@ApiResponse(responseCode = "415", description = "`unsupported_image`: not a JPEG, PNG or WebP image")
	ResponseEntity<Void> uploadPhoto(@RequestPart("file") MultipartFile file) throws IOException {
		this.photos.replaceMine(file.getBytes());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/photo")
	@Operation(summary = "Read a user's photo")
	@ApiResponse(responseCode = "200", description = "The image",
			content = { @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/jpeg"),
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "image/png"),
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "image/webp") })
	ResponseEntity<byte[]> photo(@PathVariable UUID id) {
		ProfilePhotos.Photo photo = this.photos.get(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(photo.bytes());
	}

}
