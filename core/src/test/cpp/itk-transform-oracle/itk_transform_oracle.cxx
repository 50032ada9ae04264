// ITK 5 as an oracle for Coreg's transform files (test code, not shipped).
//
//   itk_transform_oracle map FILE          reads "x y z" LPS mm points on stdin, prints T(x) for the file's transform
//   itk_transform_oracle convert IN OUT    reads IN and writes its transforms to OUT (.tfm/.txt text, .h5 HDF5)
//   itk_transform_oracle convert-float IN OUT   the same with single-precision transforms
//   itk_transform_oracle types FILE        prints the class name of each transform the file holds
//   itk_transform_oracle field-image IN OUT   writes the field of IN's DisplacementFieldTransform as a vector image
//                                             (.nrrd, .nhdr, .nii.gz, .mha: format by extension, ITK's image IO)
//
// A file holding two transforms where the first is a BSplineDeformableTransform is read the way 3D Slicer reads
// legacy ITK v3 files: the second transform is the B-spline's bulk transform, y = B(x) + D(x).
#include <iostream>
#include <iomanip>
#include <string>
#include "itkBSplineDeformableTransform.h"
#include "itkCompositeTransform.h"
#include "itkDisplacementFieldTransform.h"
#include "itkImageFileWriter.h"
#include "itkThinPlateSplineKernelTransform.h"
#include "itkTransformFactory.h"
#include "itkTransformFileReader.h"
#include "itkTransformFileWriter.h"

namespace {

template <typename T>
void registerExtraTypes() {
  // Not registered by default (3D Slicer registers them the same way).
  itk::TransformFactory<itk::ThinPlateSplineKernelTransform<T, 3>>::RegisterTransform();
}

template <typename T>
typename itk::TransformFileReaderTemplate<T>::TransformListType read(const std::string & file) {
  auto reader = itk::TransformFileReaderTemplate<T>::New();
  reader->SetFileName(file);
  reader->Update();
  return *reader->GetTransformList();
}

int map(const std::string & file) {
  auto list = read<double>(file);
  using Base = itk::Transform<double, 3, 3>;
  auto it = list.begin();
  Base * t = dynamic_cast<Base *>(it->GetPointer());
  if (t == nullptr) {
    std::cerr << "not a 3-D double transform: " << (*it)->GetNameOfClass() << "\n";
    return 2;
  }
  if (list.size() == 2 && std::string(t->GetNameOfClass()) == "BSplineDeformableTransform") {
    auto bspline = dynamic_cast<itk::BSplineDeformableTransform<double, 3, 3> *>(t);
    ++it;
    bspline->SetBulkTransform(dynamic_cast<Base *>(it->GetPointer()));
  } else if (list.size() != 1) {
    std::cerr << "expected one transform, found " << list.size() << "\n";
    return 2;
  }
  std::cout << std::setprecision(17);
  double x, y, z;
  while (std::cin >> x >> y >> z) {
    Base::InputPointType p;
    p[0] = x; p[1] = y; p[2] = z;
    auto q = t->TransformPoint(p);
    std::cout << q[0] << " " << q[1] << " " << q[2] << "\n";
  }
  return 0;
}

template <typename T>
int convert(const std::string & in, const std::string & out) {
  auto list = read<T>(in);
  auto writer = itk::TransformFileWriterTemplate<T>::New();
  writer->SetFileName(out);
  bool first = true;
  for (auto & t : list) {
    if (first) {
      writer->SetInput(t);
      first = false;
    } else {
      writer->AddTransform(t);
    }
  }
  writer->Update();
  return 0;
}

int types(const std::string & file) {
  for (auto & t : read<double>(file)) {
    std::cout << t->GetTransformTypeAsString() << "\n";
    auto c = dynamic_cast<itk::CompositeTransform<double, 3> *>(t.GetPointer());
    if (c != nullptr) {
      for (unsigned i = 0; i < c->GetNumberOfTransforms(); ++i) {
        std::cout << "  " << c->GetNthTransformConstPointer(i)->GetTransformTypeAsString() << "\n";
      }
    }
  }
  return 0;
}

int fieldImage(const std::string & in, const std::string & out) {
  auto list = read<double>(in);
  auto field = dynamic_cast<itk::DisplacementFieldTransform<double, 3> *>(list.begin()->GetPointer());
  if (field == nullptr) {
    std::cerr << "not a DisplacementFieldTransform_double_3_3: " << (*list.begin())->GetNameOfClass() << "\n";
    return 2;
  }
  auto writer = itk::ImageFileWriter<itk::DisplacementFieldTransform<double, 3>::DisplacementFieldType>::New();
  writer->SetFileName(out);
  writer->SetInput(field->GetDisplacementField());
  writer->Update();
  return 0;
}

}  // namespace

int main(int argc, char ** argv) {
  registerExtraTypes<double>();
  registerExtraTypes<float>();
  const std::string cmd = argc > 1 ? argv[1] : "";
  try {
    if (cmd == "map" && argc == 3) return map(argv[2]);
    if (cmd == "convert" && argc == 4) return convert<double>(argv[2], argv[3]);
    if (cmd == "convert-float" && argc == 4) return convert<float>(argv[2], argv[3]);
    if (cmd == "types" && argc == 3) return types(argv[2]);
    if (cmd == "field-image" && argc == 4) return fieldImage(argv[2], argv[3]);
  } catch (const std::exception & e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: itk_transform_oracle map FILE | convert IN OUT | convert-float IN OUT | types FILE | "
               "field-image IN OUT\n";
  return 2;
}
