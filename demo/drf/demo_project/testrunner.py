"""`manage.py test` with no labels runs demo/drf/tests, from any working directory."""
from django.conf import settings
from django.test.runner import DiscoverRunner


class DemoTestRunner(DiscoverRunner):
    def build_suite(self, test_labels=None, *args, **kwargs):
        if not test_labels:
            test_labels = [str(settings.BASE_DIR / "tests")]
            if self.top_level is None:
                self.top_level = str(settings.BASE_DIR)
        return super().build_suite(test_labels, *args, **kwargs)
