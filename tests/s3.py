"""A real S3-compatible server on loopback for the media tests: moto's S3, in a thread.

The site talks to it as to any S3 service (``MEDIA_STORAGE=s3`` with
``AWS_S3_ENDPOINT_URL``), over HTTP on 127.0.0.1; so do production servers the
tests start. The buckets live in this test process's memory.
"""

import json
import secrets

import boto3
from moto.server import ThreadedMotoServer

ACCESS_KEY = "testing-access-key"
SECRET_KEY = "testing-secret-key"
REGION = "eu-north-1"


class S3Server:
    def __init__(self):
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)

    def __enter__(self):
        self.server.start()
        host, port = self.server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )
        return self

    def __exit__(self, *exc):
        self.server.stop()

    def new_bucket(self):
        """A new bucket whose files anyone may read, as the README tells operators to set up."""
        name = f"media-{secrets.token_hex(4)}"
        self.client.create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        public_read = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{name}/*",
                }
            ],
        }
        self.client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read))
        return name

    def keys(self, bucket):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def empty(self, bucket):
        for key in self.keys(bucket):
            self.client.delete_object(Bucket=bucket, Key=key)

    def storage_options(self, bucket):
        """``STORAGES["default"]["OPTIONS"]`` as the settings make them for this bucket."""
        return {
            "bucket_name": bucket,
            "endpoint_url": self.endpoint,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        }

    def environment(self, bucket):
        """The variables of a production server whose media are in ``bucket``."""
        return {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }
