package net.wagw.wiring;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;
import net.wagw.config.MediaConfig;
import net.wagw.config.WagwConfig;
import net.wagw.domain.media.MediaFiles;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.media.MediaSource;
import net.wagw.domain.work.WorkQueue;
import net.wagw.store.DynamoMediaRecords;
import net.wagw.store.S3Clients;
import net.wagw.store.S3Connection;
import net.wagw.store.S3MediaFiles;
import net.wagw.store.TableNames;
import net.wagw.whatsapp.CloudMediaClient;
import net.wagw.whatsapp.CloudMediaUploads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The media service and its adapters: S3 for bytes, DynamoDB for ownership, Meta for uploads. */
@ApplicationScoped
public class MediaProducers {

    @Produces
    @Singleton
    @DefaultBean
    S3Connection s3Connection(MediaConfig config) {
        return new S3Connection(config.s3Endpoint(), config.s3Region());
    }

    @Produces
    @Singleton
    S3Client s3(S3Connection connection) {
        return S3Clients.client(connection);
    }

    void close(@Disposes S3Client s3) {
        s3.close();
    }

    @Produces
    @Singleton
    S3Presigner presigner(S3Connection connection) {
        return S3Clients.presigner(connection);
    }

    @Produces
    @Singleton
    MediaFiles mediaFiles(S3Client s3, S3Presigner presigner, MediaConfig config) {
        return new S3MediaFiles(s3, presigner, config.bucket());
    }

    @Produces
    @Singleton
    MediaService mediaService(DynamoDbClient dynamo, TableNames names, MediaFiles files, MediaSource meta,
            @RestClient CloudMediaClient client, ObjectMapper json, WagwConfig wagw, MediaConfig config, WorkQueue queue,
            Clock clock) {
        return new MediaService(new DynamoMediaRecords(dynamo, names), files, meta,
                new CloudMediaUploads(client, json, wagw.meta().apiVersion(), wagw.meta().accessToken().orElse("")),
                queue, clock, Duration.ofDays(config.retentionDays()), Duration.ofSeconds(config.copyRetrySeconds()),
                config.maxCopyBytes(), wagw.http().maxMediaBytes());
    }
}
